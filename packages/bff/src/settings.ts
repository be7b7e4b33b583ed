// The shapes of the BFF's settings that config.ts and each partner's settings share.
import { z } from 'zod'

/** An http(s) URL, as it is given (a JWKS URL's path is the publisher's). */
export const httpUrlSetting = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })

/** A base URL the BFF appends paths to: an http(s) URL without its trailing slashes. */
export const baseUrlSetting = httpUrlSetting.transform((url) => url.replace(/\/+$/, ''))

/** A credential: any non-empty value, never echoed in a problem. */
export const secretSetting = z.string().min(1, 'is required')

/** Whether a setting's schema is one of the URL settings above (config.ts checks their scheme). */
export function isUrlSetting(schema: unknown): boolean {
  return schema === httpUrlSetting || schema === baseUrlSetting
}
