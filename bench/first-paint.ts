// First contentful paint of the sign-in page on the production build: the branded shell of
// index.html, painted before the app's script runs. Each run opens the page in a fresh browser
// context (no HTTP cache) and reads the page's own `first-contentful-paint` entry. A number for
// people beside its budget; nothing here asserts it.
import type { Browser } from '@playwright/test'
import { summarize, type Summary } from './stats.ts'

/** The first paint we aim for on an unloaded machine (docs/benchmark.md). */
export const FIRST_PAINT_BUDGET_MS = 300

export interface FirstPaintResult {
  readonly runs: readonly number[]
  readonly summary: Summary
}

/** `runs` loads of `url`, each in a fresh context: the FCP of each, in ms from its navigation. */
export async function measureFirstPaint(
  browser: Browser,
  url: string,
  runs: number,
): Promise<FirstPaintResult> {
  const values: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext()
    try {
      const page = await context.newPage()
      await page.goto(url)
      // Buffered: the entry is there once the first paint happened, before or after load.
      values.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              new PerformanceObserver((list, observer) => {
                const entry = list.getEntriesByName('first-contentful-paint')[0]
                if (entry === undefined) return
                observer.disconnect()
                resolve(entry.startTime)
              }).observe({ type: 'paint', buffered: true })
            }),
        ),
      )
    } finally {
      await context.close()
    }
  }
  return { runs: values, summary: summarize(values) }
}
