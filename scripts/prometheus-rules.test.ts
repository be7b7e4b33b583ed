// The alert rules operators load (deploy/prometheus/sso-bridge-alerts.yml) against Debian's
// promtool: they parse, each fires on the series that should raise it and stays quiet on a healthy
// one (the cases in sso-bridge-alerts.test.yml). They, and docs/operations.md, name only metrics
// the BFF really has.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { createMetrics } from '../packages/bff/src/telemetry/metrics.ts'

const PROMTOOL = '/usr/bin/promtool'
const RULES = 'deploy/prometheus/sso-bridge-alerts.yml'

function promtool(...args: string[]): string {
  if (!existsSync(PROMTOOL)) {
    expect.fail(
      `needs Debian's prometheus (promtool): apt-get install -y prometheus (.ci/run installs it)`,
    )
  }
  return execFileSync(PROMTOOL, args, { cwd: 'deploy/prometheus', encoding: 'utf8' })
}

/** The BFF's own metric names (the sso_bridge_bff_ ones). */
async function bffMetricNames(): Promise<string[]> {
  const metrics = createMetrics({ processMetrics: false })
  const all = await metrics.registry.getMetricsAsJSON()
  return all.map((metric) => metric.name).filter((name) => name.startsWith('sso_bridge_bff_'))
}

/** The metric names `text` mentions, histogram series (`_bucket`, `_count`, `_sum`) as their metric. */
function mentioned(text: string): string[] {
  const names = text.match(/sso_bridge_bff_\w+/g) ?? []
  return [...new Set(names.map((name) => name.replace(/_(bucket|count|sum)$/, '')))]
}

test('the alert rules parse and fire on the cases that should raise them', () => {
  expect(promtool('check', 'rules', 'sso-bridge-alerts.yml')).toContain('SUCCESS: 9 rules found')
  expect(promtool('test', 'rules', 'sso-bridge-alerts.test.yml')).toContain('SUCCESS')
})

test('the alert rules name only metrics the BFF has', async () => {
  const names = await bffMetricNames()
  const used = mentioned(readFileSync(RULES, 'utf8'))
  expect(used.length).toBeGreaterThan(5)
  expect(used.filter((name) => !names.includes(name))).toEqual([])
})

test("the operator's guide lists every metric of the BFF, and no other", async () => {
  const names = await bffMetricNames()
  const guide = readFileSync('docs/operations.md', 'utf8')
  const listed = mentioned(guide)
  expect(names.filter((name) => !listed.includes(name))).toEqual([])
  expect(listed.filter((name) => !names.includes(name))).toEqual([])
})
