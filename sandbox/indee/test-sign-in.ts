// Test support: the identity provider and the Indee-style backend on free ports, and the
// calls a backend-for-frontend makes to the backend directly (API key, Origin), with a
// cookie-jar browser for the identity provider's pages only. No party imports it.
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { SandboxControl } from '../control/control.ts'
import type { HostApp } from '../apps.ts'
import { appClientsOf, callbackUrlFor, type AppClient } from '../idp/client-registration.ts'
import { startIdp, type RunningIdp } from '../idp/idp.ts'
import type { RunningServer } from '../lib/http.ts'
import { TestBrowser } from '../lib/test-browser.ts'
import { indeeApiKey } from './api-key.ts'
import { INDEE_API_PREFIX, startIndee, type StartIndeeOptions } from './indee.ts'

/** A host app the parties register by configuration, beside ours. */
export const TEST_HOST_APP: HostApp = {
  name: 'Acme CRM',
  origin: 'http://127.0.0.1:4180',
  callbackPath: '/login/complete',
}

export interface IndeeParties {
  readonly control: SandboxControl
  readonly idp: RunningIdp
  readonly indee: RunningServer
  /** A registered app origin, sent as Origin on initiate. */
  readonly appOrigin: string
  /** Every registered app: ours and TEST_HOST_APP. */
  readonly appClients: readonly AppClient[]
  /** POSTs JSON to `/v1/admin/auth/<name>` with the API key and no cookie. */
  call(name: string, body: unknown, headers?: Readonly<Record<string, string>>): Promise<Response>
  close(): Promise<void>
}

export async function startIndeeParties(
  options: Pick<StartIndeeOptions, 'maxPendingTransactions'> = {},
): Promise<IndeeParties> {
  const control = new SandboxControl()
  const appClients = appClientsOf([TEST_HOST_APP])
  const idp = await startIdp({ control, port: 0, appClients, quiet: true })
  const indee = await startIndee({
    control,
    port: 0,
    idpIssuer: idp.issuer,
    appClients,
    ...options,
  })
  const appOrigin = appClients[0]?.origin ?? expect.fail('no app origin')
  return {
    control,
    idp,
    indee,
    appOrigin,
    appClients,
    call: (name, body, headers = {}) =>
      fetch(`${indee.url}${INDEE_API_PREFIX}${name}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${indeeApiKey()}`,
          'content-type': 'application/json',
          origin: appOrigin,
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: async () => {
      await Promise.all([indee.close(), idp.close()])
    },
  }
}

/**
 * Registers a test file's hooks: the parties start once for the file, and their faults, log and
 * clock are reset after each test. The answer reads the running parties at use.
 */
export function useIndeeParties(): IndeeParties {
  let started: IndeeParties | undefined
  beforeAll(async () => {
    started = await startIndeeParties()
  })
  afterAll(async () => {
    await started?.close()
  })
  afterEach(() => {
    started?.control.reset()
  })
  const running = () => started ?? expect.fail('the Indee parties did not start')
  return {
    get control() {
      return running().control
    },
    get idp() {
      return running().idp
    },
    get indee() {
      return running().indee
    },
    get appOrigin() {
      return running().appOrigin
    },
    get appClients() {
      return running().appClients
    },
    call: (name, body, headers) => running().call(name, body, headers),
    close: () => running().close(),
  }
}

export interface Started {
  readonly state: string
  readonly nonce: string
  readonly redirect: string
}

export async function initiate(parties: IndeeParties, username: string): Promise<Started> {
  const response = await parties.call('sso/initiate', { username })
  expect(response.status).toBe(200)
  expect(response.headers.get('set-cookie')).toBeNull()
  return (await response.json()) as Started
}

/**
 * The identity provider's part in a browser: authorize URL, sign-in form, back to the callback of
 * `appOrigin` (default the parties' app origin).
 */
export async function callbackAfterIdp(
  parties: IndeeParties,
  redirect: string,
  fields: Readonly<Record<string, string>>,
  browser = new TestBrowser(),
  appOrigin = parties.appOrigin,
): Promise<URL> {
  return browser.signInAtIdp(redirect, callbackUrlFor(appOrigin, parties.appClients), fields)
}

/** Initiate and the identity provider's sign-in; returns the login body the document shows. */
export async function reachLogin(
  parties: IndeeParties,
  user: { readonly email: string; readonly password: string },
) {
  const started = await initiate(parties, user.email)
  const callback = await callbackAfterIdp(parties, started.redirect, {
    email: user.email,
    password: user.password,
    action: 'login',
  })
  return {
    started,
    callback,
    body: {
      state: callback.searchParams.get('state') ?? expect.fail('no state on the callback'),
      nonce: started.nonce,
      email: user.email,
      code: callback.searchParams.get('code') ?? expect.fail('no code on the callback'),
      error: false,
      error_description: {},
    },
  }
}
