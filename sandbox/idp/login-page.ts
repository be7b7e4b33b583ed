// Pages the identity provider renders itself: the sign-in form, its error page and the sign-out
// pages, as the company's sign-in (sandbox/company.ts): a header with the company's name, the
// page in <main> under its one <h1>, a footer saying it is the sandbox. Every value is escaped;
// no page has a script; the CSP allows the form to lead (via redirects) only to the app callbacks.
import type http from 'node:http'
import { COMPANY_NAME } from '../company.ts'
import { backToAppLink, htmlPage } from '../lib/html-page.ts'
import { escapeHtml, send } from '../lib/http.ts'

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f3f5f9;color:#1d2433}
header{background:#1d3a6e;color:#fff;padding:.75rem 1rem}
.brand{max-width:24rem;margin:0 auto;font-weight:700;letter-spacing:.02em}
main{max-width:24rem;margin:3rem auto 2rem;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgb(0 0 0/.15)}
footer{max-width:24rem;margin:0 auto 2rem;padding:0 2rem;color:#5a6475;font-size:.875rem}
h1{font-size:1.4rem;margin:0 0 .25rem}
p{margin:.25rem 0 1rem}
a{color:#1f5fcc}
label{display:block;font-weight:600;margin-top:1rem}
input{box-sizing:border-box;width:100%;padding:.5rem;font:inherit;border:1px solid #8a94a6;border-radius:4px}
input:focus,button:focus,a:focus{outline:3px solid #2f6fde;outline-offset:2px}
.actions{display:flex;gap:.75rem;margin-top:1.5rem}
button{font:inherit;padding:.5rem 1.25rem;border-radius:4px;border:1px solid #2f6fde;cursor:pointer;background:#fff;color:#2f6fde}
button[value=login],button[name=logout]{background:#2f6fde;color:#fff}
.error{color:#a4161a;background:#fdecec;border-left:4px solid #a4161a;padding:.5rem .75rem}
`.replaceAll('\n', '')

const HEADER = `<p class="brand">${escapeHtml(COMPANY_NAME)}</p>`

function page(title: string, main: string, footerNote: string): string {
  return htmlPage({
    title: `${title} – ${COMPANY_NAME}`,
    header: HEADER,
    main,
    footer: `<p>${escapeHtml(COMPANY_NAME)} sandbox identity provider. ${footerNote}</p>`,
    style: STYLE,
  })
}

const USERS_NOTE =
  'Sandbox users and passwords are listed in docs/qa.md and printed by npm run sandbox.'

/** Security headers of every IdP page (`send` adds no-store and nosniff). */
export function pageHeaders(formActionOrigins: readonly string[]): Record<string, string> {
  // CSP form-action also applies to the redirects after a submission (the code response),
  // so the app origins are listed next to 'self'.
  const formAction = ["'self'", ...formActionOrigins].join(' ')
  return {
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  }
}

export interface LoginPageOptions {
  readonly uid: string
  /** The app the person signs in to, e.g. "Northwind Partner Hub" (client-registration.ts). */
  readonly appName: string
  readonly email: string
  readonly error?: string
  readonly formActionOrigins: readonly string[]
}

export function sendLoginPage(
  res: http.ServerResponse,
  status: number,
  options: LoginPageOptions,
): void {
  send(res, status, loginPageHtml(options), 'text/html; charset=utf-8', {
    ...pageHeaders(options.formActionOrigins),
  })
}

/**
 * The sign-in form. Its way back to the app is Cancel, which tells the app the person cancelled
 * (a plain link would leave the app's sign-in waiting), so it has no link back.
 */
export function loginPageHtml(options: LoginPageOptions): string {
  const { uid, appName, email, error } = options
  const invalid = error === undefined ? '' : ' aria-invalid="true" aria-describedby="login-error"'
  const main = `<h1>Sign in</h1>
<p>to continue to <strong>${escapeHtml(appName)}</strong></p>
${error === undefined ? '' : `<p class="error" id="login-error" role="alert">${escapeHtml(error)}</p>`}
<form method="post" action="/interaction/${encodeURIComponent(uid)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(email)}"${invalid}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
<div class="actions">
<button type="submit" name="action" value="login">Sign in</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
</div>
</form>`
  return page('Sign in', main, USERS_NOTE)
}

export function sendErrorPage(
  res: http.ServerResponse,
  status: number,
  appOrigin: string,
  error: string,
  description?: string,
): void {
  send(
    res,
    status,
    errorPageHtml(appOrigin, error, description),
    'text/html; charset=utf-8',
    pageHeaders([]),
  )
}

/** A sign-in that cannot go on: the reason, the error code, and the way back to the app. */
export function errorPageHtml(appOrigin: string, error: string, description?: string): string {
  const main = `<h1>Sign-in problem</h1>
<p class="error" role="alert">${escapeHtml(description ?? 'The sign-in request could not be completed.')}</p>
<p>Error code: <code>${escapeHtml(error)}</code></p>
<p>Start the sign-in again from the app.</p>
<p>${backToAppLink(appOrigin)}</p>`
  return page('Sign-in problem', main, USERS_NOTE)
}

/**
 * The question before signing out at the IdP (its end-session endpoint, GET /session/end, for a
 * browser with an IdP session). `form` is the provider's own hidden form, `op.logoutForm`.
 */
export function logoutPageHtml(form: string): string {
  const main = `<h1>Sign out</h1>
<p>Sign out of ${escapeHtml(COMPANY_NAME)} in this browser?</p>
${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>
</div>`
  return page('Sign out', main, USERS_NOTE)
}

/** After signing out at the IdP without a client to go back to. */
export function signedOutPageHtml(appOrigin: string): string {
  const main = `<h1>Signed out</h1>
<p>You are signed out of ${escapeHtml(COMPANY_NAME)} in this browser.</p>
<p>${backToAppLink(appOrigin)}</p>`
  return page('Signed out', main, USERS_NOTE)
}
