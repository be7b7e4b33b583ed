// A reporter that ends a failing run with where to look: the trace of each failed journey
// (`npx playwright show-trace …`) and, last, one line naming the HTML report. Silent when every
// journey passed. playwright.config.ts lists it after `list` and `html`.
import { relative } from 'node:path'
import type {
  FullConfig,
  FullResult,
  Reporter,
  TestCase,
  TestResult,
} from '@playwright/test/reporter'

const FAILED = new Set(['failed', 'timedOut', 'interrupted'])

export default class FailureSummary implements Reporter {
  #report = 'playwright-report/index.html'
  /** The last failed attempt of each journey whose last attempt failed, by test id. */
  readonly #failures = new Map<string, { title: string; trace: string | undefined }>()

  onBegin(config: FullConfig): void {
    const html = config.reporter.find(([name]) => name === 'html')
    const folder = (html?.[1] as { outputFolder?: string } | undefined)?.outputFolder
    if (folder !== undefined) this.#report = `${this.#path(folder)}/index.html`
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    if (!FAILED.has(result.status) || test.expectedStatus === result.status) {
      this.#failures.delete(test.id) // passed on a retry
      return
    }
    const trace = result.attachments.find((a) => a.name === 'trace' && a.path !== undefined)
    const [, project, file, ...titles] = test.titlePath()
    const where = `${file ?? ''}:${test.location.line}`
    this.#failures.set(test.id, {
      title: `[${project ?? ''}] ${where} › ${titles.join(' › ')}`,
      trace: trace?.path === undefined ? undefined : this.#path(trace.path),
    })
  }

  onEnd(result: FullResult): void {
    if (result.status === 'passed') return
    const failures = [...this.#failures.values()]
    const lines = ['']
    for (const { title, trace } of failures) {
      lines.push(`✖ ${title}`)
      lines.push(
        trace === undefined ? '    no trace kept' : `    npx playwright show-trace ${trace}`,
      )
    }
    const count = failures.length
    const what =
      count === 0 ? `journeys ${result.status}` : `${count} journey${count === 1 ? '' : 's'} failed`
    const trace =
      failures.find((f) => f.trace !== undefined)?.trace ?? 'test-results/<journey>/trace.zip'
    lines.push(
      `✖ ${what}. HTML report: ${this.#report} (npx playwright show-report). ` +
        `Trace: npx playwright show-trace ${trace}`,
    )
    console.log(lines.join('\n'))
  }

  printsToStdio(): boolean {
    return true
  }

  #path(path: string): string {
    return relative(process.cwd(), path) || '.'
  }
}
