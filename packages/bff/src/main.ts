#!/usr/bin/env node
// The BFF's entry point: the command `sso-bridge-bff` where the package is installed
// (`node packages/bff/dist/bff/src/main.js` in this repository). Reads the environment (a bad
// value stops it with a message naming the variable), logs each insecure setting that
// SSO_BFF_ALLOW_INSECURE let through and the partners it serves, listens, and
// closes gracefully on SIGTERM and SIGINT: no new connections, requests in flight finish, then the session store closes. The session store is the one SSO_SESSION_STORE names;
// buildBff makes it, so its connection warnings go through the BFF's logger. A Redis that is
// down does not hold up the start: the BFF listens and /readyz answers 503 until it is back.
import { buildBff } from './app.ts'
import { readConfig, sessionStoreLabel } from './config.ts'

const result = readConfig(process.env)
if (!result.ok) {
  console.error(
    ['sso-bridge BFF: the configuration is not valid:', ...result.problems.map((p) => `  ${p}`)]
      .concat('See docs/deployment.md for every variable.')
      .join('\n'),
  )
  process.exit(2)
}

const app = await buildBff({ config: result.config })
for (const warning of result.warnings) app.log.warn(warning)
try {
  await app.listen({ host: result.config.host, port: result.config.port })
} catch (error) {
  const code = (error as { code?: string }).code
  console.error(
    code === 'EADDRINUSE'
      ? `sso-bridge BFF: port ${result.config.port} is taken: set SSO_BFF_PORT (under npm start, SSO_PORT_BFF, which moves the app's proxy too)`
      : `sso-bridge BFF: could not listen: ${String(error)}`,
  )
  process.exit(1)
}
app.log.info({ sessionStore: sessionStoreLabel(result.config.sessionStore) }, 'session store')
app.log.info({ partners: Object.keys(result.config.partners) }, 'partners configured')

let closing = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'closing')
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}
