// Test support: the sign-in parties on free ports and the browser side of the sign-in chain,
// for tests of the gateway and of later gateway routes that need a signed-in person.
import { expect } from 'vitest'
import { SandboxControl } from '../control/control.ts'
import { callbackUrlFor, defaultAppOrigins } from '../idp/client-registration.ts'
import { startIdp, type RunningIdp } from '../idp/idp.ts'
import { startIndee } from '../indee/indee.ts'
import type { RunningServer } from '../lib/http.ts'
import { startGateway, type SandboxMode } from './gateway.ts'
import type { TestBrowser } from './test-browser.ts'

export interface SignInParties {
  readonly control: SandboxControl
  readonly idp: RunningIdp
  readonly indee: RunningServer
  readonly gateway: RunningServer
  /** The app origin the browser pretends to be on (a registered one). */
  readonly appOrigin: string
  close(): Promise<void>
}

export async function startSignInParties(mode: SandboxMode = 'test'): Promise<SignInParties> {
  const control = new SandboxControl()
  const idp = await startIdp({ control, port: 0, quiet: true })
  const indee = await startIndee({ control, port: 0, idpIssuer: idp.issuer })
  const gateway = await startGateway({ control, port: 0, mode, upstreams: { indee: indee.url } })
  const appOrigin = defaultAppOrigins()[0] ?? expect.fail('no app origin')
  return {
    control,
    idp,
    indee,
    gateway,
    appOrigin,
    close: async () => {
      await Promise.all([gateway.close(), indee.close(), idp.close()])
    },
  }
}

export interface InitiateAnswer {
  readonly state: string
  readonly nonce: string
  readonly redirect: string
}

/** POST /api/indee/sso/initiate through the gateway, as the SPA does. */
export async function initiate(
  parties: SignInParties,
  browser: TestBrowser,
  username: string,
): Promise<InitiateAnswer> {
  const response = await browser.postJson(
    `${parties.gateway.url}/api/indee/sso/initiate`,
    { username },
    parties.appOrigin,
  )
  expect(response.status).toBe(200)
  return (await response.json()) as InitiateAnswer
}

/** Opens the authorize URL and returns the IdP's sign-in page URL. */
export async function openSignInPage(
  parties: SignInParties,
  browser: TestBrowser,
  redirect: string,
): Promise<string> {
  const { url, response } = await browser.followUntil(redirect, callbackUrlFor(parties.appOrigin))
  expect(response.status).toBe(200)
  expect(url).toMatch(new RegExp(`^${parties.idp.issuer}/interaction/`))
  return url
}

/** Submits the IdP form and follows redirects until the app callback; returns its URL. */
export async function submitSignInPage(
  parties: SignInParties,
  browser: TestBrowser,
  pageUrl: string,
  fields: Readonly<Record<string, string>>,
): Promise<URL> {
  const posted = await browser.submitForm(pageUrl, fields)
  expect(posted.status).toBe(303)
  const location = posted.headers.get('location') ?? expect.fail('no redirect after the form')
  const callback = callbackUrlFor(parties.appOrigin)
  const next = new URL(location, pageUrl).href
  const landed = next.startsWith(callback) ? next : (await browser.followUntil(next, callback)).url
  expect(landed.startsWith(callback)).toBe(true)
  return new URL(landed)
}

export interface SignedIn {
  readonly token: string
  readonly refresh_token: string
}

/** The whole chain for one person: initiate, IdP form, callback, login through the gateway. */
export async function signIn(
  parties: SignInParties,
  browser: TestBrowser,
  user: { readonly email: string; readonly password: string },
): Promise<SignedIn> {
  const started = await initiate(parties, browser, user.email)
  const page = await openSignInPage(parties, browser, started.redirect)
  const callback = await submitSignInPage(parties, browser, page, {
    email: user.email,
    password: user.password,
    action: 'login',
  })
  const response = await browser.postJson(
    `${parties.gateway.url}/api/indee/sso/login`,
    {
      state: callback.searchParams.get('state'),
      nonce: started.nonce,
      email: user.email,
      code: callback.searchParams.get('code'),
      error: false,
      error_description: {},
    },
    parties.appOrigin,
  )
  expect(response.status).toBe(200)
  return (await response.json()) as SignedIn
}
