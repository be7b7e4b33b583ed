export function formActionOriginsOf(config: unknown): string[]
export function formActionOrigins(configPath?: URL | string): string[]
export function securityHeaders(formActions?: string[]): Record<string, string>
