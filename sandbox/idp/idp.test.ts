// The identity provider on its own, as the auth backend and a browser see it.
import { createHash, randomBytes } from 'node:crypto'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { SandboxControl } from '../control/control.ts'
import { TestBrowser } from '../lib/test-browser.ts'
import { originOf } from '../ports.ts'
import { USERS, type SandboxUser } from '../users.ts'
import {
  IDP_CLIENT_ID,
  appClientsOf,
  callbackUrlFor,
  idpClientSecret,
} from './client-registration.ts'
import { startIdp, type RunningIdp } from './idp.ts'

const alice: SandboxUser = USERS[0] ?? expect.fail('alice missing')
const APP = 'http://127.0.0.1:5173'
/** A host app registered by configuration, beside ours. */
const HOST_APP = 'http://127.0.0.1:4180'
const CLIENTS = appClientsOf([{ name: 'Acme CRM', callbackUrl: `${HOST_APP}/login/complete` }])
const CALLBACK = callbackUrlFor(APP, CLIENTS)

let idp: RunningIdp

beforeAll(async () => {
  idp = await startIdp({ control: new SandboxControl(), port: 0, appClients: CLIENTS, quiet: true })
})

afterAll(async () => {
  await idp.close()
})

function authorizeUrl(overrides: Record<string, string | undefined> = {}) {
  const verifier = randomBytes(32).toString('base64url')
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: IDP_CLIENT_ID,
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    state: 'state-1',
    nonce: 'nonce-1',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    login_hint: alice.email,
    ...overrides,
  }
  const url = new URL(`${idp.issuer}/auth`)
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, value)
  }
  return { url: url.href, verifier }
}

async function codeFor(browser: TestBrowser, authorize: string): Promise<URL> {
  const { url: page } = await browser.followUntil(authorize, CALLBACK)
  // A browser with an IdP session comes straight back (no form).
  if (page.startsWith(CALLBACK)) return new URL(page)
  const posted = await browser.submitForm(page, {
    email: alice.email,
    password: alice.password,
    action: 'login',
  })
  const location = posted.headers.get('location') ?? expect.fail('no redirect')
  const { url } = await browser.followUntil(new URL(location, page).href, CALLBACK)
  return new URL(url)
}

function exchange(code: string, verifier: string, secret = idpClientSecret()) {
  const basic = Buffer.from(`${IDP_CLIENT_ID}:${secret}`).toString('base64')
  return fetch(`${idp.issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: CALLBACK,
      code_verifier: verifier,
    }).toString(),
  })
}

test('advertises code flow with S256 PKCE, iss in responses and RS256 ID tokens', async () => {
  const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`)
  expect(await response.json()).toMatchObject({
    issuer: idp.issuer,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code'],
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: true,
    token_endpoint_auth_methods_supported: ['client_secret_basic'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'email', 'profile'],
  })
})

test('issues an RS256 ID token with email, name and the nonce for the code and verifier', async () => {
  const browser = new TestBrowser()
  const { url, verifier } = authorizeUrl()
  const callback = await codeFor(browser, url)
  expect(callback.searchParams.get('iss')).toBe(idp.issuer)
  const response = await exchange(callback.searchParams.get('code') ?? '', verifier)
  expect(response.status).toBe(200)
  const { id_token: idToken } = (await response.json()) as { id_token: string }
  const jwks = createRemoteJWKSet(new URL(`${idp.issuer}/jwks`))
  const { payload, protectedHeader } = await jwtVerify(idToken, jwks, {
    issuer: idp.issuer,
    audience: IDP_CLIENT_ID,
  })
  expect(protectedHeader.alg).toBe('RS256')
  expect(payload).toMatchObject({
    sub: alice.email,
    email: alice.email,
    email_verified: true,
    name: alice.name,
    nonce: 'nonce-1',
  })
})

test('refuses the code with a wrong PKCE verifier or a wrong client secret', async () => {
  const browser = new TestBrowser()
  const first = authorizeUrl()
  const code = (await codeFor(browser, first.url)).searchParams.get('code') ?? ''
  const badSecret = await exchange(code, first.verifier, 'not-the-secret')
  expect(badSecret.status).toBe(401)
  expect(await badSecret.json()).toMatchObject({ error: 'invalid_client' })

  const second = authorizeUrl({ state: 'state-2' })
  const code2 = (await codeFor(browser, second.url)).searchParams.get('code') ?? ''
  const badVerifier = await exchange(code2, first.verifier)
  expect(badVerifier.status).toBe(400)
  expect(await badVerifier.json()).toMatchObject({ error: 'invalid_grant' })
})

test('requires PKCE with S256', async () => {
  for (const overrides of [
    { code_challenge: undefined, code_challenge_method: undefined },
    { code_challenge_method: 'plain' },
  ]) {
    const response = await new TestBrowser().fetch(authorizeUrl(overrides).url)
    const location = new URL(response.headers.get('location') ?? expect.fail('no redirect'))
    expect(location.origin + location.pathname).toBe(CALLBACK)
    expect(location.searchParams.get('error')).toBe('invalid_request')
    expect(location.searchParams.get('iss')).toBe(idp.issuer)
  }
})

test('never redirects to an unregistered redirect_uri', async () => {
  const response = await new TestBrowser().fetch(
    authorizeUrl({ redirect_uri: 'http://evil.example/sso/callback' }).url,
  )
  expect(response.status).toBe(400)
  expect(response.headers.get('location')).toBeNull()
  expect(await response.text()).toContain('redirect_uri')
})

test('accepts the callbacks on localhost as well as 127.0.0.1', async () => {
  const localhost = callbackUrlFor('http://localhost:4173', CLIENTS)
  const browser = new TestBrowser()
  const { url: page } = await browser.followUntil(
    authorizeUrl({ redirect_uri: localhost }).url,
    localhost,
  )
  expect(page).toMatch(new RegExp(`^${idp.issuer}/interaction/`))
})

test("accepts a registered host app's own callback path, and only that one on its origin", async () => {
  const hostCallback = callbackUrlFor(HOST_APP, CLIENTS)
  expect(hostCallback).toBe(`${HOST_APP}/login/complete`)
  const browser = new TestBrowser()
  const { url: page } = await browser.followUntil(
    authorizeUrl({ redirect_uri: hostCallback }).url,
    hostCallback,
  )
  expect(page).toMatch(new RegExp(`^${idp.issuer}/interaction/`))

  const ours = await new TestBrowser().fetch(
    authorizeUrl({ redirect_uri: `${HOST_APP}/sso/callback` }).url,
  )
  expect(ours.status).toBe(400)
  expect(ours.headers.get('location')).toBeNull()
})

test('refuses the callback of an app nobody registered', async () => {
  const unregistered = await new TestBrowser().fetch(
    authorizeUrl({ redirect_uri: 'http://127.0.0.1:4999/login/complete' }).url,
  )
  expect(unregistered.status).toBe(400)
  expect(unregistered.headers.get('location')).toBeNull()
})

test("names the registered host app's callback origin in the sign-in page's form-action", async () => {
  const { response } = await new TestBrowser().followUntil(authorizeUrl().url, CALLBACK)
  expect(response.headers.get('content-security-policy')).toContain(` ${HOST_APP} `)
})

test('serves the sign-in page with a CSP that lets the form lead only to the app callbacks', async () => {
  const browser = new TestBrowser()
  const { url: page, response } = await browser.followUntil(authorizeUrl().url, CALLBACK)
  expect(page).toMatch(/\/interaction\//)
  const csp = response.headers.get('content-security-policy') ?? ''
  expect(csp).toContain("default-src 'none'")
  expect(csp).toContain(`form-action 'self' ${APP} `)
  expect(csp).toContain("frame-ancestors 'none'")
  expect(response.headers.get('x-frame-options')).toBe('DENY')
  const html = await response.text()
  expect(html).toContain('<button type="submit" name="action" value="login">Sign in</button>')
  expect(html).toContain('value="cancel" formnovalidate>Cancel</button>')
})

test('answers an interaction without its cookie with an error page, not a form', async () => {
  const browser = new TestBrowser()
  const { url: page } = await browser.followUntil(authorizeUrl().url, CALLBACK)
  const stranger = await new TestBrowser().fetch(page)
  expect(stranger.status).toBe(400)
  const html = await stranger.text()
  expect(html).toContain('Sign-in problem')
  expect(html).not.toContain('<form')
})

test('the sign-in page names the app the person continues to, not the client id', async () => {
  const ours = await new TestBrowser().followUntil(authorizeUrl().url, CALLBACK)
  const oursHtml = await ours.response.text()
  expect(oursHtml).toContain('to continue to <strong>Northwind Partner Hub</strong>')
  expect(oursHtml).toContain('<p class="brand">Northwind Traders</p>')
  expect(oursHtml).not.toContain(IDP_CLIENT_ID)

  const hostCallback = callbackUrlFor(HOST_APP, CLIENTS)
  const host = await new TestBrowser().followUntil(
    authorizeUrl({ redirect_uri: hostCallback }).url,
    hostCallback,
  )
  expect(await host.response.text()).toContain('to continue to <strong>Acme CRM</strong>')
})

test("the provider's error page is ours and links back to the app", async () => {
  const response = await new TestBrowser().fetch(
    authorizeUrl({ redirect_uri: 'http://evil.example/sso/callback' }).url,
  )
  const html = await response.text()
  expect(html).toContain('<h1>Sign-in problem</h1>')
  expect(html).toContain(`<a href="${originOf('appDev')}/">Back to Northwind Partner Hub</a>`)
  expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
})

test('signing out at the IdP asks first, then ends on a page linking back to the app', async () => {
  const browser = new TestBrowser()
  await codeFor(browser, authorizeUrl().url)
  const question = await browser.fetch(`${idp.issuer}/session/end`)
  expect(question.status).toBe(200)
  expect(question.headers.get('content-security-policy')).toContain("default-src 'none'")
  const html = await question.text()
  expect(html).toContain('Sign out of Northwind Traders in this browser?')
  expect(html).not.toContain('<script')
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? expect.fail('no xsrf field')
  const confirmed = await browser.fetch(`${idp.issuer}/session/end/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
  })
  const location = confirmed.headers.get('location') ?? expect.fail('no redirect')
  const done = await browser.fetch(new URL(location, idp.issuer))
  const signedOut = await done.text()
  expect(signedOut).toContain('<h1>Signed out</h1>')
  expect(signedOut).toContain(`<a href="${originOf('appDev')}/">Back to Northwind Partner Hub</a>`)
})

test('signing out from an app (client_id, its sign-in page, state) ends the IdP session and returns there', async () => {
  const browser = new TestBrowser()
  await codeFor(browser, authorizeUrl().url)
  const signInPage = `${APP}/`
  const end = new URL(`${idp.issuer}/session/end`)
  end.searchParams.set('client_id', IDP_CLIENT_ID)
  end.searchParams.set('post_logout_redirect_uri', signInPage)
  end.searchParams.set('state', 'sign-out-state')
  const question = await browser.fetch(end.href)
  expect(question.status).toBe(200)
  // The answer redirects to the app: CSP form-action covers the redirect after a submission.
  expect(question.headers.get('content-security-policy')).toContain(`form-action 'self' ${APP}`)
  const xsrf =
    /name="xsrf" value="([^"]+)"/.exec(await question.text())?.[1] ?? expect.fail('no xsrf')
  const confirmed = await browser.fetch(`${idp.issuer}/session/end/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
  })
  expect(confirmed.headers.get('location')).toBe(`${signInPage}?state=sign-out-state`)

  // The next sign-in asks for the password again.
  const { url: page, response } = await browser.followUntil(authorizeUrl().url, CALLBACK)
  expect(page).not.toContain(CALLBACK)
  expect(await response.text()).toContain('type="password"')
})

test("a host app's sign-in page is a registered post-logout redirect URI, another page is not", async () => {
  const hostClients = appClientsOf([
    { name: 'Acme CRM', callbackUrl: `${HOST_APP}/login/complete`, signInPath: '/login' },
  ])
  const hosted = await startIdp({
    control: new SandboxControl(),
    port: 0,
    appClients: hostClients,
    quiet: true,
  })
  try {
    const endAt = (uri: string) => {
      const end = new URL(`${hosted.issuer}/session/end`)
      end.searchParams.set('client_id', IDP_CLIENT_ID)
      end.searchParams.set('post_logout_redirect_uri', uri)
      return new TestBrowser().fetch(end.href)
    }
    // No IdP session: the provider signs out at once (its own auto-submitted form), no error.
    expect((await endAt(`${HOST_APP}/login`)).status).toBe(200)
    const refused = await endAt(`${HOST_APP}/elsewhere`)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('post_logout_redirect_uri not registered')
  } finally {
    await hosted.close()
  }
})
