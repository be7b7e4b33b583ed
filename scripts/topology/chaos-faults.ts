// The faults of the chaos run (scripts/topology/chaos.ts), each injected into the production shape
// and ended again: an instance killed and restarted, the Redis primary killed (Sentinel promotes
// the replica; the old primary comes back as a replica), an instance stalled, Indee slowed down.
// Each one notes what happened when; the run measures the rest from the requests.
import { setTimeout as delay } from 'node:timers/promises'
import type { FaultName } from './chaos-report.ts'
import type { Service } from './processes.ts'
import type { Topology } from './topology.ts'

/** The instance the kill hits (BFF a), and the one the stall hits (BFF b): both get a turn. */
const KILLED_INSTANCE = 0
const STALLED_INSTANCE = 1
/** The killed instance is started again this long after the kill. */
const RESTART_AFTER_MS = 3_000
/** How long SIGSTOP holds the stalled instance. */
const STALL_MS = 3_000
/** How long Indee is slow. */
const SLOW_INDEE_MS = 10_000
/**
 * What each Indee request waits. Below the BFF's upstream timeout (SSO_BFF_UPSTREAM_TIMEOUT_MS,
 * 5 s) so every call still succeeds, late: this is a slow Indee, not a dead one (which would be
 * 504 upstream_timeout). A sign-in asks Indee twice (initiate, login): about 3.6 s more each.
 */
export const SLOW_INDEE_DELAY_MS = 1_800
/** How long Sentinel may take to promote the replica. */
const FAILOVER_TIMEOUT_MS = 30_000

/** Notes an event of the fault ("killed"), at the run's clock. */
export type Mark = (event: string) => void

export interface Fault {
  readonly name: FaultName
  /** For the table and the report. */
  readonly description: string
  /** About how long it lasts, to share the run's time among the calm windows. */
  readonly nominalMs: number
  /** Injects the fault and ends it; resolves once whatever it stopped has started again. */
  inject(topology: Topology, mark: Mark): Promise<void>
}

function instance(topology: Topology, index: number): Service {
  const bff = topology.bffs[index]
  if (bff === undefined) throw new Error(`the topology has no BFF instance ${index}`)
  return bff
}

export const FAULTS: Readonly<Record<FaultName, Fault>> = {
  'bff-kill': {
    name: 'bff-kill',
    description: `SIGKILL of BFF a, started again ${RESTART_AFTER_MS / 1000} s later`,
    nominalMs: RESTART_AFTER_MS + 1_000,
    async inject(topology, mark) {
      const bff = instance(topology, KILLED_INSTANCE)
      await bff.kill()
      mark('killed')
      await delay(RESTART_AFTER_MS)
      await bff.start()
      mark('restarted')
    },
  },
  'primary-kill': {
    name: 'primary-kill',
    description: 'SIGKILL of the Redis primary; Sentinel promotes the replica, the old one rejoins',
    nominalMs: 8_000,
    async inject(topology, mark) {
      const { redis } = topology
      const old = await redis.primary()
      await old.kill()
      mark('killed')
      await redis.promotedAfter(old, FAILOVER_TIMEOUT_MS)
      mark('promoted')
      await old.start()
      mark('old primary started')
      await redis.waitUntilReplica(old)
      mark('old primary replicating')
    },
  },
  'bff-stall': {
    name: 'bff-stall',
    description: `SIGSTOP of BFF b, SIGCONT ${STALL_MS / 1000} s later`,
    nominalMs: STALL_MS,
    async inject(topology, mark) {
      const bff = instance(topology, STALLED_INSTANCE)
      if (!bff.running) throw new Error(`${bff.spec.name} is not running`)
      bff.pause()
      mark('stopped')
      try {
        await delay(STALL_MS)
      } finally {
        bff.resume()
        mark('continued')
      }
    },
  },
  'slow-indee': {
    name: 'slow-indee',
    description: `every Indee request ${SLOW_INDEE_DELAY_MS} ms late, for ${SLOW_INDEE_MS / 1000} s`,
    nominalMs: SLOW_INDEE_MS,
    async inject(topology, mark) {
      const control = topology.sandbox?.control
      if (control === undefined) throw new Error('the topology has no sandbox running')
      // The control harness the control API serves (sandbox/control/control-api.ts), in process.
      control.addFault({
        party: 'indee',
        delayMs: SLOW_INDEE_DELAY_MS,
        times: Number.MAX_SAFE_INTEGER,
      })
      mark('slow')
      try {
        await delay(SLOW_INDEE_MS)
      } finally {
        control.reset()
        mark('fast again')
      }
    },
  },
}
