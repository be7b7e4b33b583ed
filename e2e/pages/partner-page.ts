import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { originOf } from '../../sandbox/playwright.ts'

/**
 * The partner links the signed-in home page shows for alice (public/sso.config.json): each
 * destination's label, on a card under its partner's name.
 */
export const HOME_LINKS = {
  assuresign: 'Demo envelope',
  aimbaseJson: "Alice's dealer account",
  aimbaseXml: "Alice's service account",
  lifeInsurance: 'Life insurance',
} as const

export interface LastLanding {
  readonly method: string
  readonly path: string
  readonly queryKeys: readonly string[]
  readonly referer: string | null
  readonly at: number
}

/** The link back to the app every partner page has in its header (sandbox/vendors/shared). */
export const BACK_TO_APP = 'Back to Northwind Partner Hub'

/** The app's start page: vite preview under the journeys (test mode), the dev server in dev mode. */
const APP_START = new RegExp(`^(${originOf('appPreview')}|${originOf('appDev')})/$`)

/** The partners' landing pages (sandbox/vendors), as the person sees them after a hand-off. */
export class PartnerPages {
  constructor(
    readonly page: Page,
    private readonly request: APIRequestContext,
  ) {}

  async expectAssureSign(email: string, envelopeId: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`^${originOf('assuresign')}/ui/simpleSetup/`))
    await expect(this.page.getByRole('heading', { name: 'AssureSign Simple Setup' })).toBeVisible()
    await expect(this.page.getByText(`Signed in as ${email}`)).toBeVisible()
    await expect(this.page.getByText(`Envelope ${envelopeId}`)).toBeVisible()
    await this.expectLinkBackToApp()
  }

  async expectAimbase(email: string, account: string, landing: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`^${originOf('aimbase')}/Account/SingleSignOn/`))
    await expect(this.page.getByRole('heading', { name: 'Aimbase' })).toBeVisible()
    await expect(this.page.getByText(`Signed in as ${email}`)).toBeVisible()
    await expect(this.page.getByText(`Account ${account}`, { exact: true })).toBeVisible()
    await expect(this.page.getByText(`Landing page ${landing}`)).toBeVisible()
    await this.expectLinkBackToApp()
  }

  async expectLineOfBusiness(label: string, ciiNo: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`^${originOf('lob')}/lob/`))
    await expect(this.page.getByRole('heading', { name: label })).toBeVisible()
    await expect(this.page.getByText(`CII number ${ciiNo}`)).toBeVisible()
    await this.expectLinkBackToApp()
  }

  async expectRejected(reason: RegExp): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Sign-on rejected' })).toBeVisible()
    await expect(this.page.getByText(reason)).toBeVisible()
    await this.expectLinkBackToApp()
  }

  /** The page's header links back to the app's start page. */
  async expectLinkBackToApp(): Promise<void> {
    const link = this.page.getByRole('banner').getByRole('link', { name: BACK_TO_APP })
    await expect(link).toBeVisible()
    await expect(link).toHaveAttribute('href', APP_START)
  }

  /** What the partner recorded of the last landing request (method, path, Referer, query keys). */
  async lastLanding(party: 'assuresign' | 'aimbase' | 'lob'): Promise<LastLanding> {
    const response = await this.request.get(`${originOf(party)}/__emulator/last-landing`)
    expect(response.ok()).toBe(true)
    return (await response.json()) as LastLanding
  }
}
