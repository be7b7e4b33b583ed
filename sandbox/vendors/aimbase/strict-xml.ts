// A strict reader for the flat XML documents Aimbase accepts: one root element holding simple
// text fields, e.g. <SignOnAccount><AccountUid>…</AccountUid></SignOnAccount>. Anything else is
// refused rather than guessed at.
// OWASP XXE Prevention Cheat Sheet: refuse DTDs outright, so no entity can ever be declared.

export interface FlatXml {
  readonly root: string
  /** Field name → trimmed text; an empty element (<X/>) gives "". */
  readonly fields: ReadonlyMap<string, string>
}

export type FlatXmlResult =
  { readonly ok: true; readonly value: FlatXml } | { readonly ok: false; readonly error: string }

const NAME = /[A-Za-z_][A-Za-z0-9._-]*/y
const DECLARATION =
  /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.[0-9]\1([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\5)?[ \t\r\n]*\?>/y
/** Namespace declarations are the only attributes allowed (on the root only). */
const NAMESPACE_ATTRIBUTE =
  /[ \t\r\n]+xmlns(?::[A-Za-z_][A-Za-z0-9._-]*)?[ \t\r\n]*=[ \t\r\n]*(?:"[^"<&]*"|'[^'<&]*')/y
const WHITESPACE = /[ \t\r\n]*/y
// XML 1.0 §2.2: characters a document may not contain.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
}

class XmlRefused extends Error {}

class Cursor {
  position = 0
  constructor(readonly text: string) {}

  match(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = this.position
    const found = pattern.exec(this.text)
    if (found !== null) this.position = pattern.lastIndex
    return found
  }

  skipWhitespace(): void {
    this.match(WHITESPACE)
  }

  startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.position)
  }

  expect(literal: string, what: string): void {
    if (!this.startsWith(literal)) throw new XmlRefused(`expected ${what}`)
    this.position += literal.length
  }

  name(what: string): string {
    const found = this.match(NAME)
    if (found === null) throw new XmlRefused(`expected ${what}`)
    return found[0]
  }

  atEnd(): boolean {
    return this.position >= this.text.length
  }
}

function decodeText(raw: string): string {
  return raw.replace(/&([^;&<]*);?/g, (whole, reference: string) => {
    if (!whole.endsWith(';')) throw new XmlRefused('"&" must start a character reference')
    const named = NAMED_ENTITIES[reference]
    if (named !== undefined && Object.hasOwn(NAMED_ENTITIES, reference)) return named
    const numeric = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(reference)
    if (numeric === null) throw new XmlRefused(`undeclared entity "&${reference};"`)
    const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2])
    const char = code <= 0x10ffff ? String.fromCodePoint(code) : ''
    if (char === '' || FORBIDDEN_CHARACTER.test(char) || (code >= 0xd800 && code <= 0xdfff)) {
      throw new XmlRefused(`character reference "&${reference};" is not allowed`)
    }
    return char
  })
}

function refuseMarkupDeclarations(cursor: Cursor): void {
  if (cursor.startsWith('<!DOCTYPE') || cursor.startsWith('<!doctype')) {
    throw new XmlRefused('DOCTYPE is not accepted')
  }
  if (cursor.startsWith('<!--')) throw new XmlRefused('comments are not accepted')
  if (cursor.startsWith('<![CDATA[')) throw new XmlRefused('CDATA sections are not accepted')
  if (cursor.startsWith('<!')) throw new XmlRefused('markup declarations are not accepted')
  if (cursor.startsWith('<?')) throw new XmlRefused('processing instructions are not accepted')
}

function readField(cursor: Cursor, fields: Map<string, string>): void {
  cursor.expect('<', 'an element')
  const name = cursor.name('an element name')
  cursor.skipWhitespace()
  let text = ''
  if (cursor.startsWith('/>')) {
    cursor.position += 2
  } else {
    cursor.expect('>', `">" closing <${name}> (attributes are not accepted)`)
    const end = cursor.text.indexOf('<', cursor.position)
    if (end === -1) throw new XmlRefused(`<${name}> is not closed`)
    text = decodeText(cursor.text.slice(cursor.position, end))
    cursor.position = end
    refuseMarkupDeclarations(cursor)
    if (!cursor.startsWith('</'))
      throw new XmlRefused(`<${name}> must hold text only, not elements`)
    cursor.position += 2
    if (cursor.name(`</${name}>`) !== name)
      throw new XmlRefused(`<${name}> is closed by another tag`)
    cursor.skipWhitespace()
    cursor.expect('>', `">" of </${name}>`)
  }
  if (fields.has(name)) throw new XmlRefused(`<${name}> appears twice`)
  fields.set(name, text.trim())
}

function read(text: string): FlatXml {
  if (FORBIDDEN_CHARACTER.test(text))
    throw new XmlRefused('the document holds a forbidden character')
  const cursor = new Cursor(text.startsWith('\uFEFF') ? text.slice(1) : text)
  cursor.match(DECLARATION)
  cursor.skipWhitespace()
  refuseMarkupDeclarations(cursor)
  cursor.expect('<', 'the root element')
  const root = cursor.name('the root element name')
  while (cursor.match(NAMESPACE_ATTRIBUTE) !== null) {
    // namespace declarations carry nothing the reader needs
  }
  cursor.skipWhitespace()
  const fields = new Map<string, string>()
  if (cursor.startsWith('/>')) {
    cursor.position += 2
  } else {
    cursor.expect('>', `">" closing <${root}> (only xmlns attributes are accepted)`)
    for (;;) {
      cursor.skipWhitespace()
      if (cursor.atEnd()) throw new XmlRefused(`<${root}> is not closed`)
      refuseMarkupDeclarations(cursor)
      if (cursor.startsWith('</')) break
      if (!cursor.startsWith('<'))
        throw new XmlRefused(`<${root}> must hold elements only, not text`)
      readField(cursor, fields)
    }
    cursor.position += 2
    if (cursor.name(`</${root}>`) !== root)
      throw new XmlRefused(`<${root}> is closed by another tag`)
    cursor.skipWhitespace()
    cursor.expect('>', `">" of </${root}>`)
  }
  cursor.skipWhitespace()
  if (!cursor.atEnd()) throw new XmlRefused(`nothing may follow </${root}>`)
  return { root, fields }
}

/** Reads a flat XML document; the error names what was refused. */
export function readFlatXml(text: string): FlatXmlResult {
  try {
    return { ok: true, value: read(text) }
  } catch (error) {
    if (error instanceof XmlRefused) return { ok: false, error: error.message }
    throw error
  }
}
