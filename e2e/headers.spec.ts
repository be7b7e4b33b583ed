// docs/architecture.md §3 "Headers", as the production build is served by vite preview.
import { expect, test } from './fixtures.ts'
import { LINES_OF_BUSINESS } from './sandbox-data.ts'
import { originOf } from '../sandbox/playwright.ts'

const app = originOf('appPreview')

for (const path of ['/', '/sso/callback', `/handoff/lob/${LINES_OF_BUSINESS.lifeInsurance.id}`]) {
  test(`${path} is served with the security headers and never cached`, async ({ request }) => {
    const response = await request.get(`${app}${path}`)
    expect(response.status()).toBe(200)
    const headers = response.headers()
    const csp = (headers['content-security-policy'] ?? '').split(';').map((d) => d.trim())
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self'",
        `form-action ${originOf('lob')}`,
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
      ]),
    )
    expect(headers['cross-origin-opener-policy']).toBe('same-origin')
    expect(headers['referrer-policy']).toBe('no-referrer')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['cache-control']).toBe('no-store')
  })
}

test('the app runs under its own Content-Security-Policy without violations', async ({
  page,
  app: home,
}) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text())
  })
  await home.goto()
  await expect(home.signInButton).toBeVisible()
  expect(violations).toEqual([])
})
