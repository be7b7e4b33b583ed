// Pages the identity provider renders itself: the sign-in form and its error page. Every value
// is escaped; the CSP allows the form to lead (via redirects) only to the app callbacks.
import type http from 'node:http'
import { escapeHtml, send } from '../lib/http.ts'

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f3f5f9;color:#1d2433}
main{max-width:24rem;margin:4rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgb(0 0 0/.15)}
h1{font-size:1.4rem;margin:0 0 .25rem}
p{margin:.25rem 0 1rem}
label{display:block;font-weight:600;margin-top:1rem}
input{box-sizing:border-box;width:100%;padding:.5rem;font:inherit;border:1px solid #8a94a6;border-radius:4px}
input:focus,button:focus{outline:3px solid #2f6fde;outline-offset:2px}
.actions{display:flex;gap:.75rem;margin-top:1.5rem}
button{font:inherit;padding:.5rem 1.25rem;border-radius:4px;border:1px solid #2f6fde;cursor:pointer}
button[value=login]{background:#2f6fde;color:#fff}
button[value=cancel]{background:#fff;color:#2f6fde}
.error{color:#a4161a;background:#fdecec;border-left:4px solid #a4161a;padding:.5rem .75rem}
.note{color:#5a6475;font-size:.875rem;margin-top:1.5rem}
`.replaceAll('\n', '')

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`
}

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
  readonly clientId: string
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

function loginPageHtml(options: LoginPageOptions): string {
  const { uid, clientId, email, error } = options
  const invalid = error === undefined ? '' : ' aria-invalid="true" aria-describedby="login-error"'
  const body = `<h1>Sign in</h1>
<p>Sandbox identity provider: signing in to <strong>${escapeHtml(clientId)}</strong>.</p>
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
</form>
<p class="note">Sandbox users and passwords are listed in docs/qa.md and printed by npm run sandbox.</p>`
  return page('Sign in – sandbox identity provider', body)
}

export function sendErrorPage(
  res: http.ServerResponse,
  status: number,
  error: string,
  description?: string,
): void {
  send(res, status, errorPageHtml(error, description), 'text/html; charset=utf-8', pageHeaders([]))
}

export function errorPageHtml(error: string, description?: string): string {
  const body = `<h1>Sign-in problem</h1>
<p class="error" role="alert">${escapeHtml(description ?? 'The sign-in request could not be completed.')}</p>
<p>Error code: <code>${escapeHtml(error)}</code></p>
<p>Go back to the application and start the sign-in again.</p>`
  return page('Sign-in problem – sandbox identity provider', body)
}
