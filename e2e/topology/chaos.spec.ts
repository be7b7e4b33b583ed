// Faults under load, the short version (scripts/topology/chaos.ts; the full run of all four faults
// is `npm run chaos`, a command, not a test): steady traffic through nginx for about 15 s, with
// the Redis primary killed (SIGKILL) halfway. Sentinel promotes the replica; nobody signed in
// before or during the failover is signed out, and no request answers 500.
import { runChaos } from '../../scripts/topology/chaos.ts'
import { expect, test } from './fixtures.ts'

test('killing the Redis primary under load signs nobody out and answers no 500', async ({
  topology,
}) => {
  test.setTimeout(120_000)
  const { report } = await runChaos({ topology, seconds: 15, faults: ['primary-kill'] })

  const [fault] = report.faults
  expect(fault?.error).toBeUndefined()
  expect(fault?.sessions.validBefore).toBeGreaterThan(0)
  expect(fault?.sessions).toMatchObject({ lost: 0, lostCreatedDuringFault: 0, unanswered: 0 })
  expect(report.totals.statuses['500'] ?? 0).toBe(0)
  expect(fault?.failover?.writeMs).not.toBeNull()
})
