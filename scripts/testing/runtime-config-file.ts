// Runtime config files for the scripts' tests: the shipped config, changed as a test needs it
// (valid or not on purpose), written where the test says.
import { readFileSync, writeFileSync } from 'node:fs'
import type { RuntimeConfig } from '../../packages/sso-bridge/src/partners/runtime-config.ts'
import { SHIPPED_CONFIG } from '../security-headers.ts'

/** The config as a test may change it. */
export type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> }
type Partners = RuntimeConfig['partners']
/** The shipped config, which has every partner. */
export type EditableConfig = Mutable<
  Omit<RuntimeConfig, 'partners'> & {
    partners: { [Name in keyof Partners]-?: NonNullable<Partners[Name]> }
  }
>
export type EditableLob = EditableConfig['partners']['abc']['lobs'][number]

/** The shipped config's first line of business, to copy into new ones. */
export function shippedLob(): EditableLob {
  const [lob] = shippedConfig().partners.abc.lobs
  if (lob === undefined) throw new Error('the shipped config has no line of business')
  return lob
}

export function shippedConfig(): EditableConfig {
  return JSON.parse(readFileSync(SHIPPED_CONFIG, 'utf8')) as EditableConfig
}

/** Writes the shipped config with `change` applied to `file`; returns `file`. */
export function writeRuntimeConfig(file: string, change: (config: EditableConfig) => void): string {
  const config = shippedConfig()
  change(config)
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`)
  return file
}

/** `portalUrls`, one line of business each (ids lob0, lob1, …), as the config's only ones. */
export function withPortals(...portalUrls: string[]): (config: EditableConfig) => void {
  const lob = shippedLob()
  return (config) => {
    config.partners.abc.lobs = portalUrls.map((portalUrl, i) => ({
      ...lob,
      id: `lob${i}`,
      portalUrl,
    }))
  }
}
