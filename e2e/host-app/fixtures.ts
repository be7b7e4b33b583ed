// The journeys' fixtures (e2e/fixtures.ts: sandbox reset, the sign-in form, the identity
// provider, the partners' landing pages) plus Acme Portal's page object.
import { test as base } from '../fixtures.ts'
import { AcmePortal } from './acme-portal.ts'

export const test = base.extend<{ acme: AcmePortal }>({
  acme: async ({ page }, use) => {
    await use(new AcmePortal(page))
  },
})

export { expect, passwordOf } from '../fixtures.ts'
