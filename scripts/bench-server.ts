// `npm run bench:server`: GET /api/session under load (autocannon), for one BFF instance with the
// in-memory store and with Redis, straight and through nginx (scripts/topology/bench-run.ts).
// Runs on the topology's ports: they are moved before anything reads them.
import './topology/stack-env.ts'

await import('./topology/bench-run.ts')
