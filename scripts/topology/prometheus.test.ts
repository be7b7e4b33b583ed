// The Prometheus config of the local production shape (prometheus.ts) and the operators' example
// in docs/deployment.md: Debian's promtool checks both, as Prometheus would at start.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { PROMTOOL, renderPrometheusConfig } from './prometheus.ts'

const DEPLOYMENT_DOC = new URL('../../docs/deployment.md', import.meta.url)

const scratchDirs: string[] = []
afterEach(() => {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** promtool's verdict on `config`: its exit status and what it printed. */
function checkConfig(config: string): { readonly status: number | null; readonly output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sso-prometheus-'))
  scratchDirs.push(dir)
  const file = join(dir, 'prometheus.yml')
  writeFileSync(file, config)
  const result = spawnSync(PROMTOOL, ['check', 'config', file], { encoding: 'utf8' })
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

test('promtool accepts the topology config, which scrapes each instance labelled with its name', () => {
  const config = renderPrometheusConfig([
    { address: '127.0.0.1:9520', bff: 'a' },
    { address: '127.0.0.1:9521', bff: 'b' },
  ])
  expect(checkConfig(config)).toMatchObject({ status: 0 })
  expect(config).toContain("- targets: ['127.0.0.1:9520']\n        labels: { bff: 'a' }")
  expect(config).toContain("- targets: ['127.0.0.1:9521']\n        labels: { bff: 'b' }")
  expect(config).toContain('scrape_interval: 1s')
})

test('a target that is not host:port, or a name that is not a word, never reaches the config', () => {
  expect(() => renderPrometheusConfig([{ address: "127.0.0.1:9520']", bff: 'a' }])).toThrow(
    /not a scrape target/,
  )
  expect(() => renderPrometheusConfig([{ address: '127.0.0.1:9520', bff: "a' }" }])).toThrow(
    /not a scrape target/,
  )
})

test('the example scrape config of docs/deployment.md is one Prometheus accepts', () => {
  const examples = [
    ...readFileSync(DEPLOYMENT_DOC, 'utf8').matchAll(/```yaml\n(scrape_configs:[\s\S]*?)```/g),
  ].map((match) => match[1] ?? '')
  expect(examples).toHaveLength(1)
  const example = examples[0] ?? ''
  expect(checkConfig(example)).toMatchObject({ status: 0 })
  // And promtool does refuse a broken one: the check above can fail.
  expect(checkConfig(example.replace("labels: { bff: 'a' }", 'labels: { bff: a')).status).toBe(1)
})
