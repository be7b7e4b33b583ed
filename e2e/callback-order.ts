// Proves that a callback page sends its login request before any React is fetched
// (docs/architecture.md §3 "Callback order", docs/decisions/001): the requests of the page are
// recorded in the order the browser issued them, from the callback's own document on.
import { expect, type Page, type Request } from '@playwright/test'

/** Code that only React's own bundles carry (react, react-dom and the JSX runtime). */
const REACT_CODE = /react\.transitional\.element|react\.dev\/errors\//

interface Recorded {
  readonly method: string
  readonly url: string
  readonly type: string
}

export class RequestRecorder {
  readonly #requests: Recorded[] = []

  private constructor(private readonly page: Page) {
    page.on('request', (request: Request) => {
      this.#requests.push({
        method: request.method(),
        url: request.url(),
        type: request.resourceType(),
      })
    })
  }

  /**
   * Starts recording `page`. The HTTP cache is switched off for it (Chromium's DevTools
   * protocol), so a chunk fetched before the sign-in is asked for again on the callback page.
   */
  static async start(page: Page): Promise<RequestRecorder> {
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    return new RequestRecorder(page)
  }

  /**
   * Asserts, for the last load of `callbackUrl` (origin and path), that the POST to
   * /api/sso/login went out before any script other than those index.html names itself (the
   * entry chunk and its module preloads), that none of those holds React, and that React's
   * code was fetched, after the login request.
   */
  async expectLoginBeforeReact(callbackUrl: string): Promise<void> {
    const requests = [...this.#requests]
    const { origin } = new URL(callbackUrl)
    const documentAt = requests.findLastIndex(
      (r) => r.type === 'document' && r.url.split('?')[0] === callbackUrl,
    )
    expect(documentAt, `no document request for ${callbackUrl}`).toBeGreaterThan(-1)
    const afterCallback = requests.slice(documentAt)
    const loginAt = afterCallback.findIndex(
      (r) => r.method === 'POST' && r.url === `${origin}/api/sso/login`,
    )
    expect(loginAt, 'no POST /api/sso/login from the callback page').toBeGreaterThan(0)

    const html = await (await this.page.request.get(callbackUrl)).text()
    const named = new Set(
      [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
        (match) => `${origin}${match[1] ?? ''}`,
      ),
    )
    expect(named.size, 'index.html names no entry chunk').toBeGreaterThan(0)

    const scripts = afterCallback
      .map((request, index) => ({ ...request, index }))
      .filter((r) => r.type === 'script' && r.url.startsWith(`${origin}/`))
    const beforeLogin = scripts.filter((r) => r.index < loginAt).map((r) => r.url)
    expect(beforeLogin.length, 'the entry chunk was not fetched before the login').toBeGreaterThan(
      0,
    )
    expect(
      beforeLogin.filter((url) => !named.has(url)),
      'scripts fetched before the login',
    ).toEqual([])

    const withReact: { url: string; index: number }[] = []
    for (const script of scripts) {
      const code = await (await this.page.request.get(script.url)).text()
      if (REACT_CODE.test(code)) withReact.push(script)
    }
    expect(withReact.length, 'React was never fetched: the check proves nothing').toBeGreaterThan(0)
    expect(
      withReact.filter((r) => r.index < loginAt).map((r) => r.url),
      'React chunks fetched before the login request',
    ).toEqual([])
  }
}
