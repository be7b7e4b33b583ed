// Structured logs (pino, through Fastify) that never carry a token, a code or a password:
// request lines show the method and the path without its query, credential headers are
// redacted, and bodies are never logged.

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.token',
  '*.refreshToken',
  '*.refresh_token',
  '*.code',
  '*.password',
]

interface LoggedRequest {
  readonly method: string
  readonly url: string
  readonly ip?: string
}

export function loggerOptions(level: string) {
  return {
    level,
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    serializers: {
      req(request: LoggedRequest) {
        return { method: request.method, path: request.url.split('?')[0], ip: request.ip }
      },
    },
  }
}
