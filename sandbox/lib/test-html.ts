// Test support for the sandbox's HTML pages: parses a page (happy-dom) and reads what a person,
// or a screen reader, relies on. Test support only; no party imports it.
import { Window } from 'happy-dom'

export interface PageOutline {
  readonly lang: string | null
  readonly title: string
  /** How often each landmark element occurs. */
  readonly landmarks: { readonly header: number; readonly main: number; readonly footer: number }
  /** Text of every h1, and of the h1 elements inside <main>. */
  readonly h1: readonly string[]
  readonly h1InMain: readonly string[]
  /** Every link as its text and href. */
  readonly links: readonly { readonly text: string; readonly href: string | null }[]
  /** Text of <header> and <footer>. */
  readonly header: string
  readonly footer: string
  /** <script> elements and on* attributes: the pages must have none. */
  readonly scripts: number
  readonly inlineHandlers: readonly string[]
}

const text = (node: { textContent: string | null } | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim()

/** The outline of `html`, as a browser parses it. */
export async function outlineOf(html: string): Promise<PageOutline> {
  const window = new Window()
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html')
    const all = [...doc.querySelectorAll('*')]
    return {
      lang: doc.documentElement.getAttribute('lang'),
      title: doc.title,
      landmarks: {
        header: doc.querySelectorAll('header').length,
        main: doc.querySelectorAll('main').length,
        footer: doc.querySelectorAll('footer').length,
      },
      h1: [...doc.querySelectorAll('h1')].map(text),
      h1InMain: [...doc.querySelectorAll('main h1')].map(text),
      links: [...doc.querySelectorAll('a')].map((a) => ({
        text: text(a),
        href: a.getAttribute('href'),
      })),
      header: text(doc.querySelector('header')),
      footer: text(doc.querySelector('footer')),
      scripts: doc.querySelectorAll('script').length,
      inlineHandlers: all.flatMap((element) =>
        element
          .getAttributeNames()
          .filter((name) => name.toLowerCase().startsWith('on'))
          .map((name) => `${element.tagName.toLowerCase()} ${name}`),
      ),
    }
  } finally {
    await window.happyDOM.close()
  }
}
