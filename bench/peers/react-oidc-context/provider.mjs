// The peer's own IdP: an oidc-provider instance with one public PKCE client (the peer SPA), one
// hard-coded account and a one-page login form. Consent is granted implicitly (loadExistingGrant).
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'

export const CLIENT_ID = 'peer-spa'
export const ACCOUNT = { email: 'alice@example.com', password: 'alice-password' }

/**
 * oidc-provider prints its quick-start notices through console.warn/console.info: on import under
 * Node 20 ("Unsupported runtime") and on construction with the in-memory adapter. The peer uses
 * that adapter on purpose, so those lines are dropped while the provider loads; nothing else is.
 */
async function quietly(step) {
  const { warn, info } = console
  const keep =
    (original) =>
    (...args) => {
      if (typeof args[0] === 'string' && args[0].includes('oidc-provider ')) return
      original.apply(console, args)
    }
  console.warn = keep(warn)
  console.info = keep(info)
  try {
    return await step()
  } finally {
    console.warn = warn
    console.info = info
  }
}

const escapeHtml = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  )

function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title></head>
<body>
${body}
</body>
</html>
`
}

function loginPage(uid, message) {
  return page(
    'Peer IdP: sign in',
    `<h1>Sign in to the peer IdP</h1>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}">
  <p><label>Email <input name="email" type="email" autocomplete="username" required></label></p>
  <p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
  <p><button type="submit">Continue</button></p>
</form>`,
  )
}

function send(res, status, html) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(html)
}

async function readForm(req) {
  let body = ''
  for await (const chunk of req) {
    body += chunk
    if (body.length > 10_000) throw new Error('form too large')
  }
  return new URLSearchParams(body)
}

/**
 * Starts the peer IdP on http://127.0.0.1:{port}, for the SPA served at appOrigin.
 * @param {{ port: number, appOrigin: string }} options
 * @returns {Promise<{ issuer: string, close(): Promise<void> }>}
 */
export async function startPeerProvider({ port, appOrigin }) {
  const issuer = `http://127.0.0.1:${port}`
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'peer-1', alg: 'RS256' }

  const configuration = {
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${appOrigin}/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    // Public client: PKCE always (oidc-provider 9 accepts S256 only).
    pkce: { required: () => true },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // The ID token itself carries the email claim, as react-oidc-context reads it from there.
    conformIdTokenClaims: false,
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: false } },
    // Discovery and JWKS answer any origin; the token endpoint checks the client's own origin.
    clientBasedCORS: (_ctx, origin, client) =>
      client.clientId === CLIENT_ID && origin === appOrigin,
    findAccount: (_ctx, sub) =>
      sub === ACCOUNT.email
        ? { accountId: sub, claims: () => ({ sub, email: sub, email_verified: true }) }
        : undefined,
    // No consent screen: once signed in, the peer SPA is granted openid and email.
    loadExistingGrant: async (ctx) => {
      const { client, session, result } = ctx.oidc
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId)
      if (grantId) return ctx.oidc.provider.Grant.find(grantId)
      if (!session.accountId) return undefined
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      })
      grant.addOIDCScope('openid email')
      await grant.save()
      return grant
    },
    renderError: (ctx, out) => {
      ctx.type = 'html'
      ctx.body = page(
        'Peer IdP: error',
        `<h1>${escapeHtml(out.error)}</h1><p>${escapeHtml(out.error_description ?? '')}</p>`,
      )
    },
    // Lifetimes in seconds, set here so that oidc-provider does not remind us of its defaults.
    ttl: { AccessToken: 3600, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
  }

  const provider = await quietly(async () => {
    const { default: Provider } = await import('oidc-provider')
    return new Provider(issuer, configuration)
  })
  const oidc = provider.callback()

  const server = createServer((req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url, issuer).pathname)
    if (!match) return oidc(req, res)
    interaction(req, res).catch((error) => {
      if (!res.headersSent) send(res, 400, page('Peer IdP: error', `<p>${escapeHtml(error)}</p>`))
      else res.end()
    })
  })

  async function interaction(req, res) {
    const { uid, prompt } = await provider.interactionDetails(req, res)
    if (prompt.name !== 'login') {
      send(res, 501, page('Peer IdP: error', `<p>Unexpected prompt ${escapeHtml(prompt.name)}</p>`))
      return
    }
    if (req.method === 'GET') return send(res, 200, loginPage(uid))
    if (req.method !== 'POST') return send(res, 405, page('Peer IdP', '<p>Method not allowed</p>'))
    const form = await readForm(req)
    if (form.get('email') !== ACCOUNT.email || form.get('password') !== ACCOUNT.password) {
      return send(res, 401, loginPage(uid, 'Wrong email or password.'))
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: ACCOUNT.email } },
      { mergeWithLastSubmission: false },
    )
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })

  let closing
  return {
    issuer,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closing
    },
  }
}

// `node provider.mjs <port> <appOrigin>`: the IdP in a process of its own (serve.mjs runs it so,
// as the benchmark runs sso-bridge's sandbox), until SIGTERM.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [port, appOrigin] = process.argv.slice(2)
  const running = await startPeerProvider({ port: Number(port), appOrigin })
  process.once('SIGTERM', () => {
    running.close().then(() => process.exit(0))
  })
}
