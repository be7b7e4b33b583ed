// The kit's data is self-contained (nothing of it reads this repository), so our app's runtime
// config, which offers the same envelope, accounts and lines of business, must agree with it.
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { ABC_LINES_OF_BUSINESS } from './vendors/abc/lines-of-business.ts'
import { AIMBASE_ACCOUNTS as EMULATED_ACCOUNTS } from './vendors/aimbase/accounts.ts'
import { ASSURESIGN_SANDBOX_ENVELOPES } from './vendors/assuresign/credentials.ts'
import {
  AIMBASE_ACCOUNTS,
  DEMO_ENVELOPE,
  LINES_OF_BUSINESS,
  SANDBOX_USERS,
  findUser,
  passwordOf,
} from './users.ts'

interface ShippedConfig {
  readonly partners: {
    readonly assuresign: { readonly envelopes: readonly unknown[] }
    readonly aimbase: {
      readonly format: 'json' | 'xml'
      readonly accounts: readonly { format?: 'json' | 'xml' }[]
    }
    readonly abc: { readonly lobs: readonly unknown[] }
  }
}

const shipped = JSON.parse(
  readFileSync(new URL('../public/sso.config.json', import.meta.url), 'utf8'),
) as ShippedConfig

test("our app's runtime config offers the kit's demo envelope, and AssureSign knows it", () => {
  expect(shipped.partners.assuresign.envelopes).toEqual([DEMO_ENVELOPE])
  expect(ASSURESIGN_SANDBOX_ENVELOPES).toContain(DEMO_ENVELOPE.id)
})

test("our app's runtime config lists alice's two Aimbase accounts as the kit has them", () => {
  const { format, accounts } = shipped.partners.aimbase
  const asListed = accounts.map((account) => ({ ...account, format: account.format ?? format }))
  expect(asListed).toEqual([AIMBASE_ACCOUNTS.aliceDealer, AIMBASE_ACCOUNTS.aliceService])
})

test('every Aimbase account of the kit is emulated and owned by the user the kit names', () => {
  const owners = Object.fromEntries(EMULATED_ACCOUNTS.map((a) => [a.uid, a.ownerEmail]))
  expect(owners[AIMBASE_ACCOUNTS.aliceDealer.uid]).toBe(SANDBOX_USERS.alice.email)
  expect(owners[AIMBASE_ACCOUNTS.aliceService.uid]).toBe(SANDBOX_USERS.alice.email)
  expect(owners[AIMBASE_ACCOUNTS.aliceBroken]).toBe(SANDBOX_USERS.alice.email)
  expect(owners[AIMBASE_ACCOUNTS.bobs]).toBe(SANDBOX_USERS.bob.email)
})

test("our app's runtime config lists the kit's lines of business, which ABC knows", () => {
  expect(shipped.partners.abc.lobs).toEqual(Object.values(LINES_OF_BUSINESS))
  expect(ABC_LINES_OF_BUSINESS.map((lob) => lob.id)).toEqual(
    Object.values(LINES_OF_BUSINESS).map((lob) => lob.id),
  )
})

test('finds a user by email in any case, and refuses an email that is no sandbox user', () => {
  expect(findUser(' Alice@Example.com ')).toBe(SANDBOX_USERS.alice)
  expect(passwordOf('carol@example.com')).toBe('carol-password')
  expect(() => passwordOf('mallory@example.com')).toThrow(
    'mallory@example.com is not a sandbox user',
  )
})
