// A very small browser for sandbox tests: a cookie jar keyed like a browser's (host and path,
// not port), no automatic redirects, and a helper that follows GET redirects until the app's
// callback, and the identity provider's part of a sign-in. Test support only; no party imports it.
// It needs no test runner: the chaos run (scripts/topology/chaos.ts) signs people in with it.

interface StoredCookie {
  readonly value: string
  readonly path: string
}

function defaultPath(url: URL): string {
  const last = url.pathname.lastIndexOf('/')
  return last <= 0 ? '/' : url.pathname.slice(0, last)
}

function pathMatches(cookiePath: string, requestPath: string): boolean {
  return (
    requestPath === cookiePath ||
    (requestPath.startsWith(cookiePath) &&
      (cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/'))
  )
}

function decodeEntities(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}

/** The form of a page that submits itself on load, as a browser running its script would. */
function autoSubmittedForm(html: string) {
  if (!html.includes('document.forms[0].submit()')) return undefined
  const action = /<form method="post" action="([^"]*)"/.exec(html)?.[1]
  if (action === undefined) return undefined
  const fields: Record<string, string> = {}
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)) {
    fields[decodeEntities(match[1] ?? '')] = decodeEntities(match[2] ?? '')
  }
  return { action: decodeEntities(action), fields }
}

export class TestBrowser {
  /** host → "name path" → cookie */
  readonly #jar = new Map<string, Map<string, StoredCookie & { readonly name: string }>>()

  cookieNames(host = '127.0.0.1'): string[] {
    return [...(this.#jar.get(host)?.values() ?? [])].map((c) => c.name)
  }

  #store(url: URL, header: string): void {
    const [pair = '', ...attributes] = header.split(';').map((s) => s.trim())
    const eq = pair.indexOf('=')
    const name = pair.slice(0, eq)
    const value = pair.slice(eq + 1)
    let path = defaultPath(url)
    let expired = false
    for (const attribute of attributes) {
      const [key = '', val = ''] = attribute.split('=')
      if (key.toLowerCase() === 'path' && val.startsWith('/')) path = val
      if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true
      if (key.toLowerCase() === 'expires' && Date.parse(val) <= Date.now()) expired = true
    }
    const cookies =
      this.#jar.get(url.hostname) ?? new Map<string, StoredCookie & { name: string }>()
    if (expired) cookies.delete(`${name} ${path}`)
    else cookies.set(`${name} ${path}`, { name, value, path })
    this.#jar.set(url.hostname, cookies)
  }

  #cookieHeader(url: URL): string | undefined {
    const matching = [...(this.#jar.get(url.hostname)?.values() ?? [])].filter((c) =>
      pathMatches(c.path, url.pathname),
    )
    return matching.length === 0
      ? undefined
      : matching.map((c) => `${c.name}=${c.value}`).join('; ')
  }

  /** The Cookie header this browser would send to `url` (to copy it into another client). */
  cookieHeader(url: string): string | undefined {
    return this.#cookieHeader(new URL(url))
  }

  /** fetch with the jar's cookies, never following redirects. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url)
    const headers = new Headers(init.headers)
    const cookie = this.#cookieHeader(target)
    if (cookie !== undefined) headers.set('cookie', cookie)
    const response = await fetch(target, { ...init, headers, redirect: 'manual' })
    for (const header of response.headers.getSetCookie()) this.#store(target, header)
    return response
  }

  /** POSTs JSON the way the SPA does: same-origin fetch, so the browser adds Origin. */
  postJson(
    url: string,
    body: unknown,
    origin: string,
    headers: Readonly<Record<string, string>> = {},
  ) {
    return this.fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', origin },
      body: JSON.stringify(body),
    })
  }

  /**
   * Follows redirects from `url` until one leads to `stopPrefix`, like a browser would: GET for
   * redirects, and pages that auto-submit a POST form (oidc-provider's form_post pages) are
   * submitted. Returns the last URL reached and the answer that led there.
   */
  async followUntil(
    url: string,
    stopPrefix: string,
  ): Promise<{ readonly url: string; readonly response: Response }> {
    let current = url
    let init: RequestInit = {}
    for (let hops = 0; hops < 10; hops += 1) {
      const response = await this.fetch(current, init)
      init = {}
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && location !== null) {
        current = new URL(location, current).href
        if (current.startsWith(stopPrefix)) return { url: current, response }
        continue
      }
      const form = response.ok ? autoSubmittedForm(await response.clone().text()) : undefined
      if (form === undefined) return { url: current, response }
      current = new URL(form.action, current).href
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form.fields).toString(),
      }
    }
    throw new Error(`too many redirects from ${url}`)
  }

  /**
   * The identity provider's part of a sign-in, as a person does it: from the authorize URL
   * `redirect` to its sign-in form, `fields` submitted, then on to the callback at
   * `callbackPrefix`. Returns the callback URL reached (with its code and state).
   */
  async signInAtIdp(
    redirect: string,
    callbackPrefix: string,
    fields: Readonly<Record<string, string>>,
  ): Promise<URL> {
    const { url: page } = await this.followUntil(redirect, callbackPrefix)
    const posted = await this.submitForm(page, fields)
    const location = posted.headers.get('location')
    if (location === null) throw new Error(`no redirect after the form at ${page}`)
    const next = new URL(location, page).href
    const landed = next.startsWith(callbackPrefix)
      ? next
      : (await this.followUntil(next, callbackPrefix)).url
    if (!landed.startsWith(callbackPrefix)) {
      throw new Error(`the sign-in ended at ${landed}, not at ${callbackPrefix}`)
    }
    return new URL(landed)
  }

  /** Submits a form found at `pageUrl` with `fields` (POST, urlencoded, same path). */
  submitForm(pageUrl: string, fields: Readonly<Record<string, string>>): Promise<Response> {
    return this.fetch(pageUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    })
  }
}
