// The body of `npm run chaos` (scripts/chaos.ts moves the ports first): the production shape with
// two BFF instances, the faults of chaos-faults.ts under load (chaos.ts), the table on stdout,
// bench-results/chaos.json, and every request in bench-results/chaos-requests.csv. CHAOS_SECONDS
// sets the load's length (default 60), CHAOS_FAULTS picks faults by name, comma-separated
// (default all four, in order). Exits 1 when the run could not happen; the numbers themselves
// are never judged here.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runChaos } from './chaos.ts'
import { FAULT_NAMES, renderTable, type FaultName } from './chaos-report.ts'
import { Topology } from './topology.ts'

const REPORT = 'bench-results/chaos.json'
/** Every request, one a line, for a closer look (a plot of latency over time). */
const REQUESTS = 'bench-results/chaos-requests.csv'

function faultsOf(value: string | undefined): FaultName[] {
  if (value === undefined || value.trim() === '') return [...FAULT_NAMES]
  const names = value.split(',').map((name) => name.trim())
  const unknown = names.filter((name) => !(FAULT_NAMES as readonly string[]).includes(name))
  if (unknown.length > 0) {
    throw new Error(`CHAOS_FAULTS: no fault ${unknown.join(', ')} (${FAULT_NAMES.join(', ')})`)
  }
  return names as FaultName[]
}

function secondsOf(value: string | undefined): number {
  const seconds = Number(value ?? 60)
  if (!Number.isFinite(seconds) || seconds < 5) {
    throw new Error(`CHAOS_SECONDS: a number of seconds, 5 or more (got ${value})`)
  }
  return seconds
}

const seconds = secondsOf(process.env['CHAOS_SECONDS'])
const faults = faultsOf(process.env['CHAOS_FAULTS'])
const topology = new Topology({ dir: join('test-results', 'chaos') })
try {
  await topology.start()
  const { report, requests } = await runChaos({
    topology,
    seconds,
    faults,
    log: (line) => console.error(`chaos: ${line}`),
  })
  console.log(`\n${faults.length} faults under load through nginx, two BFF instances:\n`)
  console.log(renderTable(report))
  mkdirSync('bench-results', { recursive: true })
  writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(
    REQUESTS,
    [
      'kind,startMs,endMs,status,window',
      ...requests.map((r) =>
        [r.kind, r.start.toFixed(1), r.end.toFixed(1), r.status, r.window].join(','),
      ),
    ].join('\n') + '\n',
  )
  console.log(
    `\n${REPORT} has these numbers, ${REQUESTS} every request; the servers' logs are in ${topology.options.dir}/logs.`,
  )
  const failedFaults = report.faults.filter((fault) => fault.error !== undefined)
  if (failedFaults.length > 0) {
    console.error(`chaos: ${failedFaults.map((f) => f.fault).join(', ')} could not run as planned`)
    process.exitCode = 1
  }
} catch (error) {
  console.error(
    `chaos: the run could not happen: ${error instanceof Error ? error.message : String(error)}`,
  )
  process.exitCode = 1
} finally {
  await topology.stop()
}
