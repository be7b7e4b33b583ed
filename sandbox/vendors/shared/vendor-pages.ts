// The emulators' HTML pages: a heading and a few plain lines, every value escaped. A journey reads
// them with user-facing locators (heading, text), so the wording is part of the sandbox contract.
import type http from 'node:http'
import { escapeHtml, sendHtml } from '../../lib/http.ts'

export interface VendorPage {
  /** Vendor name, shown above the heading and in the title. */
  readonly vendor: string
  readonly heading: string
  readonly lines: readonly string[]
}

function render(page: VendorPage, lineClass: string): string {
  const lines = page.lines.map((line) => `<p${lineClass}>${escapeHtml(line)}</p>`).join('')
  return `<p>${escapeHtml(page.vendor)} (sandbox emulator)</p><h1>${escapeHtml(page.heading)}</h1>${lines}`
}

/** A successful landing: status 200. */
export function sendLandingPage(res: http.ServerResponse, page: VendorPage): void {
  sendHtml(res, 200, `${page.heading} · ${page.vendor}`, render(page, ''))
}

/** A refused landing: heading "Sign-on rejected" (or another), the reason as text, 4xx/5xx. */
export function sendRejectionPage(
  res: http.ServerResponse,
  status: number,
  page: VendorPage,
  headers: http.OutgoingHttpHeaders = {},
): void {
  // setHeader before writeHead: node merges these into the headers sendHtml writes.
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) res.setHeader(name, value)
  }
  sendHtml(res, status, `${page.heading} · ${page.vendor}`, render(page, ' class="error"'))
}
