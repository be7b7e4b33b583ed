// Content-Security-Policy violations as the page itself sees them (securitypolicyviolation
// events), on every document of `origin` the page shows from now on.
import type { Page } from '@playwright/test'

/** Starts recording; the array fills as violations happen ("form-action http://… on /path"). */
export async function recordCspViolations(page: Page, origin: string): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('reportCspViolation', (what: string) => violations.push(what))
  await page.addInitScript((watched) => {
    if (location.origin !== watched) return
    const page = window as unknown as { reportCspViolation: (what: string) => Promise<void> }
    document.addEventListener('securitypolicyviolation', (event) => {
      void page.reportCspViolation(
        `${event.effectiveDirective} ${event.blockedURI} on ${location.pathname}`,
      )
    })
  }, origin)
  return violations
}
