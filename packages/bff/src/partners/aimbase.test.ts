import { expect, test } from 'vitest'
import { vendorBodyOf } from './aimbase.ts'

const ACCOUNT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'

test('writes the JSON SignOnAccount Aimbase documents, from the checked fields only', () => {
  expect(vendorBodyOf({ AccountUid: ACCOUNT, LandingPageUrl: '/a?b=1', Format: 'json' })).toEqual({
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ AccountUid: ACCOUNT, LandingPageUrl: '/a?b=1' }),
  })
})

test('writes the XML SignOnAccount with every value escaped', () => {
  const { contentType, body } = vendorBodyOf({
    AccountUid: ACCOUNT,
    LandingPageUrl: `/a?b=1&c='<x>"`,
    Format: 'xml',
  })
  expect(contentType).toBe('application/xml; charset=utf-8')
  expect(body).toBe(
    `<SignOnAccount><AccountUid>${ACCOUNT}</AccountUid>` +
      '<LandingPageUrl>/a?b=1&amp;c=&apos;&lt;x&gt;&quot;</LandingPageUrl></SignOnAccount>',
  )
})

test('leaves LandingPageUrl out when the app sent none', () => {
  expect(vendorBodyOf({ AccountUid: ACCOUNT, Format: 'xml' }).body).toBe(
    `<SignOnAccount><AccountUid>${ACCOUNT}</AccountUid></SignOnAccount>`,
  )
  expect(JSON.parse(vendorBodyOf({ AccountUid: ACCOUNT, Format: 'json' }).body)).toEqual({
    AccountUid: ACCOUNT,
  })
})
