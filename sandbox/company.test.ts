import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { PRODUCT_NAME } from './company.ts'

test("the identity provider names the product the app's shipped config brands itself as", () => {
  const config = JSON.parse(
    readFileSync(new URL('../public/sso.config.json', import.meta.url), 'utf8'),
  ) as { branding?: { productName?: string } }
  expect(config.branding?.productName).toBe(PRODUCT_NAME)
})
