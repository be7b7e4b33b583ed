// The moment after the login answer, as the standalone app renders it: the home shows in one
// commit, and nothing else is asked of the network for it (the session came with the answer).
import { act, render, screen } from '@testing-library/react'
import { Profiler } from 'react'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import type { CallbackSuccess } from 'sso-bridge/callback'
import { SsoProvider } from 'sso-bridge/react'
import { afterEach, expect, test } from 'vitest'
import shipped from '../../public/sso.config.json'
import { ALICE_SESSION } from '../../packages/sso-bridge/src/test/fake-backend.ts'
import { mswServer } from '../../packages/sso-bridge/src/test/msw-server.ts'
import { appRoutes, createAppSso } from './router.tsx'

const server = mswServer()

afterEach(() => {
  sessionStorage.clear()
})

/** Runs what is already queued: React's effects, TanStack Query's batched notifications. */
const settle = () =>
  act(async () => {
    for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0))
  })

test('after the login answer the home shows in one commit, with no request of its own', async () => {
  const requests: string[] = []
  server.events.on('request:start', ({ request }) => {
    requests.push(`${request.method} ${new URL(request.url).pathname}`)
  })
  let answer: (success: CallbackSuccess) => void = () => undefined
  const callback = new Promise<CallbackSuccess>((resolve) => (answer = resolve))
  const sso = createAppSso({
    configUrl: '/sso.config.json',
    callbackPath: '/sso/callback',
    configFile: { ok: true, value: shipped },
    callback,
  })
  await sso.ready
  const router = createMemoryRouter(appRoutes(sso), { initialEntries: ['/sso/callback'] })
  let commits = 0
  render(
    <Profiler id="app" onRender={() => (commits += 1)}>
      <SsoProvider sso={sso}>
        <RouterProvider router={router} />
      </SsoProvider>
    </Profiler>,
  )
  expect(await screen.findByText('Signing you in…')).toBeVisible()
  await settle()
  const before = commits
  requests.length = 0

  act(() => {
    answer({ session: ALICE_SESSION, returnTo: '/' })
  })
  expect(await screen.findByText(ALICE_SESSION.email)).toBeVisible()
  expect(screen.getByText('Signed in as', { exact: false })).toBeVisible()
  await settle()
  expect(commits - before).toBe(1)
  expect(requests).toEqual([])
})
