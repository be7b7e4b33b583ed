// The production shape runs on journey stack 5 (sandbox/ports.ts: every port + 500; nginx on
// 4673, BFF instances on 4520 and 4521 with their metrics on 9520 and 9521, Redis on 6879,
// Prometheus on 9590), so it never meets `npm start` or the journeys' own stacks. Import this module FIRST (before anything that loads sandbox/ports.ts):
// it moves this process's SSO_PORT_* variables, which its children and Playwright's workers
// inherit. playwright.topology.config.ts and scripts/bench-server.ts do.
import { DEFAULT_PORTS, portEnvironment, stackPorts } from '../../sandbox/ports.ts'

export const TOPOLOGY_STACK = 5

export const topologyPorts = stackPorts(TOPOLOGY_STACK, DEFAULT_PORTS)

Object.assign(process.env, portEnvironment(topologyPorts))
