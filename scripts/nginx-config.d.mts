export interface NginxConfigOptions {
  /** https (HTTP/2, certificate, HSTS) and a redirect server; false: plain HTTP. Default true. */
  readonly tls?: boolean
  /** `port` or `address:port`; default '443' with tls, else '127.0.0.1:8080'. */
  readonly listen?: string
  /** TLS only: where plain http is redirected from; default port 80 on the address of `listen`. */
  readonly redirectListen?: string
  readonly serverName?: string
  readonly root?: string
  /** `host:port` of each BFF instance. */
  readonly upstreams?: readonly string[]
  /** CSP form-action origins; default the portal origins of public/sso.config.json. */
  readonly formActions?: readonly string[]
  readonly certificate?: string
  readonly certificateKey?: string
  readonly accessLog?: string
  readonly errorLog?: string
  readonly pidFile?: string
  /** false adds `daemon off;`. Default true. */
  readonly daemon?: boolean
  /** Worker user; null omits the directive. Default 'www-data'. */
  readonly user?: string | null
  readonly workerProcesses?: string | number
  /** An existing directory for nginx's temp files; null (default): the compiled-in paths. */
  readonly tempPrefix?: string | null
  /** Requests per kept-alive client connection; null (default): nginx's own 1000. */
  readonly keepaliveRequests?: number | null
}

export const NGINX_DEFAULTS: Readonly<Record<keyof NginxConfigOptions, unknown>>
export const UPSTREAM: string
export const LOG_FORMAT: string
export function renderNginxConfig(options?: NginxConfigOptions): string
