// `npm run chaos`: faults under load through the production shape, measured
// (scripts/topology/chaos-run.ts). Runs on the topology's ports: they are moved before anything
// reads them.
import './topology/stack-env.ts'

await import('./topology/chaos-run.ts')
