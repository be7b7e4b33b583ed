// Fixtures of the topology journeys: the journeys' own (e2e/fixtures.ts), plus the production
// shape (scripts/topology/topology.ts), started once per worker. Before each journey whatever
// the previous one stopped (a killed BFF instance, a stopped Redis) is started again.
import { join } from 'node:path'
import { test as journeys } from '../fixtures.ts'
import { Topology } from '../../scripts/topology/topology.ts'

export const test = journeys.extend<{ topology: Topology }, { shape: Topology }>({
  shape: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture uses from its first parameter
    async ({}, use) => {
      const shape = new Topology({ dir: join('test-results', 'topology', 'shape') })
      try {
        await shape.start()
        await use(shape)
      } finally {
        await shape.stop()
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  topology: [
    async ({ shape }, use) => {
      await shape.start()
      await use(shape)
    },
    { auto: true },
  ],
})

export { expect } from '../fixtures.ts'
