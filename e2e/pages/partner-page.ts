import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { originOf } from '../stack.ts'

/** The partner links the signed-in home page shows for alice (public/sso.config.json). */
export const HOME_LINKS = {
  assuresign: 'Sign "Demo envelope" in AssureSign',
  aimbaseJson: "Open Alice's dealer account in Aimbase",
  aimbaseXml: "Open Alice's service account in Aimbase",
  lifeInsurance: 'Open Life insurance',
} as const

export interface LastLanding {
  readonly method: string
  readonly path: string
  readonly queryKeys: readonly string[]
  readonly referer: string | null
  readonly at: number
}

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
  }

  async expectAimbase(email: string, account: string, landing: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`^${originOf('aimbase')}/Account/SingleSignOn/`))
    await expect(this.page.getByRole('heading', { name: 'Aimbase' })).toBeVisible()
    await expect(this.page.getByText(`Signed in as ${email}`)).toBeVisible()
    await expect(this.page.getByText(`Account ${account}`, { exact: true })).toBeVisible()
    await expect(this.page.getByText(`Landing page ${landing}`)).toBeVisible()
  }

  async expectLineOfBusiness(label: string, ciiNo: string): Promise<void> {
    await expect(this.page).toHaveURL(new RegExp(`^${originOf('lob')}/lob/`))
    await expect(this.page.getByRole('heading', { name: label })).toBeVisible()
    await expect(this.page.getByText(`CII number ${ciiNo}`)).toBeVisible()
  }

  async expectRejected(reason: RegExp): Promise<void> {
    await expect(this.page.getByRole('heading', { name: 'Sign-on rejected' })).toBeVisible()
    await expect(this.page.getByText(reason)).toBeVisible()
  }

  /** What the partner recorded of the last landing request (method, path, Referer, query keys). */
  async lastLanding(party: 'assuresign' | 'aimbase' | 'lob'): Promise<LastLanding> {
    const response = await this.request.get(`${originOf(party)}/__emulator/last-landing`)
    expect(response.ok()).toBe(true)
    return (await response.json()) as LastLanding
  }
}
