// The emulators' HTML pages: a header naming the vendor with a link back to the app, a main part
// with the heading and a few plain lines, and a footer saying it is a sandbox, every value
// escaped. A journey reads them with user-facing locators (heading, text, the link back), so
// the wording is part of the sandbox contract (e2e/pages/partner-page.ts).
import type http from 'node:http'
import { COMPANY_NAME } from '../../company.ts'
import { backToAppLink, htmlPage } from '../../lib/html-page.ts'
import { escapeHtml, send } from '../../lib/http.ts'
import { originOf } from '../../ports.ts'

/** Where the emulators' pages link back to: the app's origin. */
export interface AppOriginOption {
  /** The app's origin, e.g. http://127.0.0.1:5173; default the Vite dev server (appDev). */
  readonly appOrigin?: string
}

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d2433;background:#fff}
header,main,footer{max-width:40rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;padding-top:1rem;padding-bottom:1rem;border-bottom:1px solid #d5dae3}
.brand{margin:0;font-weight:700}
.brand span{font-weight:400;color:#5a6475}
nav a{color:#1f5fcc}
a:focus{outline:3px solid #2f6fde;outline-offset:2px}
main{padding-top:1.5rem;padding-bottom:1.5rem}
h1{font-size:1.5rem;margin:0 0 1rem}
.error{color:#a4161a}
footer{color:#5a6475;font-size:.875rem;border-top:1px solid #d5dae3;padding-top:1rem}
`.replaceAll('\n', '')

/** One page: its heading and the lines under it (plain text, escaped when rendered). */
export interface VendorPage {
  readonly heading: string
  readonly lines: readonly string[]
}

/** The whole document of a vendor page (exported for the markup tests). */
export function vendorPageHtml(
  vendor: string,
  appOrigin: string,
  page: VendorPage,
  lineClass = '',
): string {
  const lines = page.lines.map((line) => `<p${lineClass}>${escapeHtml(line)}</p>`).join('')
  return htmlPage({
    title: `${page.heading} · ${vendor}`,
    header: `<p class="brand">${escapeHtml(vendor)} <span>(sandbox emulator)</span></p><nav aria-label="Back to the app">${backToAppLink(appOrigin)}</nav>`,
    main: `<h1>${escapeHtml(page.heading)}</h1>${lines}`,
    footer: `<p>${escapeHtml(COMPANY_NAME)} sandbox: an emulator, not the partner's real site.</p>`,
    style: STYLE,
  })
}

/** The pages of one emulator, all linking back to the same app origin. */
export class VendorPages {
  readonly #vendor: string
  readonly #appOrigin: string

  constructor(vendor: string, options: AppOriginOption = {}) {
    this.#vendor = vendor
    this.#appOrigin = options.appOrigin ?? originOf('appDev')
  }

  /** A successful landing: status 200. */
  landing(res: http.ServerResponse, page: VendorPage): void {
    this.#send(res, 200, vendorPageHtml(this.#vendor, this.#appOrigin, page))
  }

  /** A refused landing: heading "Sign-on rejected" (or another), the reason as text, 4xx/5xx. */
  rejection(
    res: http.ServerResponse,
    status: number,
    page: VendorPage,
    headers: http.OutgoingHttpHeaders = {},
  ): void {
    this.#send(
      res,
      status,
      vendorPageHtml(this.#vendor, this.#appOrigin, page, ' class="error"'),
      headers,
    )
  }

  #send(
    res: http.ServerResponse,
    status: number,
    html: string,
    headers: http.OutgoingHttpHeaders = {},
  ): void {
    send(res, status, html, 'text/html; charset=utf-8', {
      // No script at all; links (the way back to the app) are navigations, which CSP leaves be.
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      'referrer-policy': 'no-referrer',
      ...headers,
    })
  }
}
