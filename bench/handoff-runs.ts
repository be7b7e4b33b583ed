// Hand-off runs: click → partner landing loaded, each against its floor. The floor is what no
// front end can avoid: the partner call made alone through the BFF (the same request, replayed
// from the signed-in page and timed there), plus the one navigation to the landing (the landing
// document's own load time, from the navigation's start). What is above the floor is ours.
import type { Browser, Page, Request } from '@playwright/test'
import { emulateNetwork, type NetworkProfile } from './network.ts'
import { summarize, type Summary } from './stats.ts'

export interface HandoffPartner {
  readonly name: string
  /** The accessible name of its link on the signed-in home page. */
  readonly link: string
  /** The origin its landing page is served from. */
  readonly landingOrigin: string
}

export interface HandoffResult {
  readonly name: string
  readonly clickToLanding: Summary
  readonly call: Summary
  readonly navigation: Summary
  readonly floor: Summary
  /** Per run, click → landing minus that run's floor. */
  readonly overFloor: Summary
}

declare global {
  interface Window {
    __benchClicked?: (at: number) => Promise<void>
  }
}

const BROWSER_HEADERS = new Set([
  'host',
  'origin',
  'referer',
  'cookie',
  'user-agent',
  'connection',
  'content-length',
  'accept-encoding',
  'accept-language',
])

const PARTNER_CALL = /^\/api\/(assuresign|aimbase|abc)\//

/** The landing document's load end (ms after its navigation started) and its time origin. */
async function landingTimes(page: Page) {
  await page.waitForFunction(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    return (entry?.loadEventEnd ?? 0) > 0
  })
  return page.evaluate(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    return { timeOrigin: performance.timeOrigin, loadEnd: entry?.loadEventEnd ?? NaN }
  })
}

/** The request again, from the signed-in page, alone: its time from the call to the whole answer. */
async function replayAlone(page: Page, request: Request): Promise<number> {
  // The headers the app set; the browser adds its own (Origin, Sec-Fetch-*, the cookie) again.
  const headers = Object.fromEntries(
    Object.entries(await request.allHeaders()).filter(
      ([name]) => !BROWSER_HEADERS.has(name) && !name.startsWith('sec-'),
    ),
  )
  const ms = await page.evaluate(
    async ({ url, method, headers, body }) => {
      const started = performance.now()
      const response = await fetch(url, { method, headers, body, credentials: 'same-origin' })
      await response.arrayBuffer()
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
      return performance.now() - started
    },
    { url: request.url(), method: request.method(), headers, body: request.postData() ?? null },
  )
  return ms
}

/**
 * Signs in once (`signIn` leaves the page on the signed-in home page), then for each partner
 * `runs` times: click its link and wait for the landing; replay the partner call alone. The one
 * page of the run is under `network` throughout, the replayed call and the landing too.
 */
export async function measureHandoffs(
  browser: Browser,
  home: string,
  signIn: (page: Page) => Promise<void>,
  partners: readonly HandoffPartner[],
  runs: number,
  network: NetworkProfile,
): Promise<HandoffResult[]> {
  const context = await browser.newContext()
  try {
    const clicks: number[] = []
    await context.exposeFunction('__benchClicked', (at: number) => {
      clicks.push(at)
    })
    await context.addInitScript(() => {
      document.addEventListener(
        'click',
        () => void window.__benchClicked?.(performance.timeOrigin + performance.now()),
        true,
      )
    })
    const page = await context.newPage()
    await emulateNetwork(context, page, network)
    await signIn(page)
    const results: HandoffResult[] = []
    for (const partner of partners) {
      const total: number[] = []
      const calls: number[] = []
      const navigations: number[] = []
      const over: number[] = []
      for (let i = 0; i < runs; i += 1) {
        await page.goto(home)
        const link = page.getByRole('link', { name: partner.link })
        await link.waitFor()
        const seen: Request[] = []
        const onRequest = (request: Request) => {
          if (PARTNER_CALL.test(new URL(request.url()).pathname)) seen.push(request)
        }
        page.on('request', onRequest)
        clicks.length = 0
        await link.click()
        await page.waitForURL((url) => url.origin === partner.landingOrigin, { waitUntil: 'load' })
        page.off('request', onRequest)
        const landing = await landingTimes(page)
        const [clickedAt] = clicks
        const [call] = seen
        if (clickedAt === undefined || call === undefined || seen.length !== 1) {
          throw new Error(`${partner.name}: expected one click and one partner call`)
        }
        await page.goto(home)
        await page.getByRole('link', { name: partner.link }).waitFor()
        const alone = await replayAlone(page, call)
        const clickToLanding = landing.timeOrigin + landing.loadEnd - clickedAt
        total.push(clickToLanding)
        calls.push(alone)
        navigations.push(landing.loadEnd)
        over.push(clickToLanding - (alone + landing.loadEnd))
      }
      const floors = calls.map((call, i) => call + (navigations[i] ?? NaN))
      results.push({
        name: partner.name,
        clickToLanding: summarize(total),
        call: summarize(calls),
        navigation: summarize(navigations),
        floor: summarize(floors),
        overFloor: summarize(over),
      })
    }
    return results
  } finally {
    await context.close()
  }
}
