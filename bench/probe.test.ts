import { Window } from 'happy-dom'
import { afterEach, expect, test } from 'vitest'
import { installProbe, PROBE_MARKERS } from './probe.ts'

const windows: Window[] = []

afterEach(async () => {
  await Promise.all(windows.splice(0).map((w) => w.happyDOM.close()))
})

/**
 * A fresh page with the probe installed the way Playwright does it: its source, serialized and
 * evaluated in the page. happy-dom has no MessageChannel; a stand-in posts through the page's
 * timers, so `waitUntilComplete` also waits for it.
 */
function pageWithProbe() {
  // Evaluation runs only this file's own probe source (it warns about untrusted code otherwise).
  const window = new Window({
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
    },
  })
  windows.push(window)
  class PageChannel {
    readonly port1: { onmessage: (() => void) | null } = { onmessage: null }
    readonly port2 = {
      postMessage: () => window.setTimeout(() => this.port1.onmessage?.()),
    }
  }
  const signedIn = new Promise<void>((resolve) => {
    Object.assign(window, {
      MessageChannel: PageChannel,
      __benchSignedIn: () => {
        resolve()
        return Promise.resolve()
      },
    })
  })
  window.eval(`(${installProbe.toString()})(${JSON.stringify(PROBE_MARKERS)})`)
  const document = window.document
  /** The probe's time, once it has one. */
  const signedInAt = () => (window as unknown as { __benchSignedInAt?: number }).__benchSignedInAt
  /** A button as React leaves it once mounted: its props under a `__reactProps$…` key. */
  const reactButton = (text: string, props: Record<string, unknown>) => {
    const button = document.createElement('button')
    button.textContent = text
    Object.assign(button, { __reactProps$k3y: { children: text, ...props } })
    return button
  }
  const signedInView = () => {
    const p = document.createElement('p')
    p.textContent = 'Signed in as alice@example.com'
    return p
  }
  return { window, document, signedIn, signedInAt, reactButton, signedInView }
}

test('the words and a Sign out button from static HTML are not signed in', async () => {
  const page = pageWithProbe()
  page.document.body.innerHTML = '<p>Signed in as alice@example.com</p><button>Sign out</button>'
  await page.window.happyDOM.waitUntilComplete()
  expect(page.signedInAt()).toBeUndefined()
})

test('a Sign out button with React’s click handler is signed in, and the probe marks that time', async () => {
  const page = pageWithProbe()
  const onClick = () => undefined
  page.document.body.append(page.signedInView(), page.reactButton('Sign out', { onClick }))
  await page.signedIn
  const at = page.signedInAt()
  expect(at).toBeTypeOf('number')
  const marks = page.window.performance.getEntriesByName(PROBE_MARKERS.mark)
  expect(marks.map((entry) => entry.startTime)).toContain(at)
})

test('React props without a click handler, or a handler on another button, are not signed in', async () => {
  const page = pageWithProbe()
  page.document.body.append(
    page.signedInView(),
    page.reactButton('Sign out', {}),
    page.reactButton('Sign in', { onClick: () => undefined }),
  )
  await page.window.happyDOM.waitUntilComplete()
  expect(page.signedInAt()).toBeUndefined()
})

test('a wired Sign out button without the signed-in words is not signed in', async () => {
  const page = pageWithProbe()
  page.document.body.append(page.reactButton('Sign out', { onClick: () => undefined }))
  await page.window.happyDOM.waitUntilComplete()
  expect(page.signedInAt()).toBeUndefined()
})

test('a Sign out button rendered disabled counts once it is enabled', async () => {
  const page = pageWithProbe()
  const button = page.reactButton('Sign out', { onClick: () => undefined })
  button.disabled = true
  page.document.body.append(page.signedInView(), button)
  await page.window.happyDOM.waitUntilComplete()
  expect(page.signedInAt()).toBeUndefined()
  button.disabled = false
  await page.signedIn
  expect(page.signedInAt()).toBeTypeOf('number')
})
