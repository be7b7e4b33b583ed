// The journeys run on several Playwright workers, each against a stack of its own: the sandbox,
// the BFF and the app's servers on the ports of `stackPorts(index)` (sandbox/ports.ts: stack 0 on
// the usual ports, stack k on +100·k), so faults, request logs and the clock of one worker never
// reach another. The stack of a worker is its TEST_PARALLEL_INDEX (0 … workers − 1), which
// Playwright keeps when it restarts a worker. Fixtures, page objects and the control client take
// every origin from here.
import { HOST, onStack, stackPorts, type PartyPort, type Ports } from '../ports.ts'

/** This worker's stack; 0 outside a worker (the runner, when it lists the journeys). */
export function stackIndex(): number {
  const raw = process.env['TEST_PARALLEL_INDEX']
  return raw === undefined || raw === '' ? 0 : Number(raw)
}

/** The ports of this worker's stack. */
export const stack: Ports = stackPorts(stackIndex())

/** Origin of a party (or of an app server) of this worker's stack. */
export function originOf(name: PartyPort): string {
  return `http://${HOST}:${stack[name]}`
}

/** `url` (a loopback URL of stack 0, as a playwright.config.ts names them) on this worker's stack. */
export function onThisStack(url: string): string {
  return onStack(url, stackIndex())
}
