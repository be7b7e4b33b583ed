// The one HTML document every page a person sees in the sandbox is built from (the identity
// provider's pages, the partners' landing pages): `<html lang="en">`, a title of its own, and the
// landmarks `<header>`, `<main>` (which holds the page's one `<h1>`) and `<footer>`. No script:
// every page is served with a CSP that allows none. Callers escape every value they put in.
import { PRODUCT_NAME } from '../company.ts'
import { escapeHtml } from './http.ts'

export interface HtmlPage {
  /** The document's title, plain text (escaped here). */
  readonly title: string
  /** Inner HTML of `<header>`, `<main>` and `<footer>`, already escaped by the caller. */
  readonly header: string
  readonly main: string
  readonly footer: string
  /** The page's stylesheet (inline, allowed by `style-src 'unsafe-inline'`). */
  readonly style: string
}

export function htmlPage(page: HtmlPage): string {
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title><style>${page.style}</style></head>`,
    `<body><header>${page.header}</header><main>${page.main}</main>`,
    `<footer>${page.footer}</footer></body></html>`,
  ].join('')
}

/** The name of the link back to the app on every sandbox page that has one. */
export const BACK_TO_APP = `Back to ${PRODUCT_NAME}`

/** A link to the app's start page at `appOrigin`, named "Back to Northwind Partner Hub". */
export function backToAppLink(appOrigin: string): string {
  return `<a href="${escapeHtml(new URL('/', appOrigin).href)}">${escapeHtml(BACK_TO_APP)}</a>`
}
