export function formActionOriginsOf(config: unknown): string[]
export function formActionOrigins(configPath?: URL | string): string[]
export function contentSecurityPolicy(formActions?: readonly string[]): string
export function pageHeaders(formActions?: readonly string[]): Record<string, string>
export const HSTS: string
export function tlsHeaders(): Record<string, string>
export const ASSETS_PREFIX: string
export const CACHE_IMMUTABLE: string
export const CACHE_NONE: string
export const IMMUTABLE_STATUSES: readonly number[]
export function cacheControlFor(path: string, status: number): string
export function securityHeaders(formActions?: readonly string[]): Record<string, string>
