// Aimbase bodies come as JSON or XML, chosen by Content-Type (application/json, or application/xml
// and text/xml); the emulator answers in the same format. Results are a JSON string or
// <string>…</string>; errors are {"Message":"…"} or <Error><Message>…</Message></Error>, exactly
// as the Sign On Account document shows them: no XML declaration, no namespace.
import type http from 'node:http'
import { escapeHtml, mediaTypeOf, readBody, send, sendJson } from '../../lib/http.ts'
import { readFlatXml } from './strict-xml.ts'

export type WireFormat = 'json' | 'xml'

export function wireFormatOf(req: http.IncomingMessage): WireFormat | undefined {
  const type = mediaTypeOf(req)
  if (type === 'application/json') return 'json'
  if (type === 'application/xml' || type === 'text/xml') return 'xml'
  return undefined
}

const escapeXml = escapeHtml

function sendXml(res: http.ServerResponse, status: number, xml: string): void {
  send(res, status, xml, 'application/xml; charset=utf-8')
}

/** A string result: JSON `"value"` or XML `<string>value</string>`. */
export function sendStringResult(
  res: http.ServerResponse,
  format: WireFormat,
  value: string,
): void {
  if (format === 'json') sendJson(res, 200, value)
  else sendXml(res, 200, `<string>${escapeXml(value)}</string>`)
}

type FlatRecord = Readonly<Record<string, string | number | boolean>>

/** A flat object as text: a JSON object or `<root><Key>value</Key>…</root>`, values escaped. */
export function formatRecord(format: WireFormat, root: string, record: FlatRecord): string {
  if (format === 'json') return JSON.stringify(record)
  const fields = Object.entries(record)
    .map(([key, value]) => `<${key}>${escapeXml(String(value))}</${key}>`)
    .join('')
  return `<${root}>${fields}</${root}>`
}

/** A flat object result: JSON object or `<root><Key>value</Key>…</root>`. */
export function sendRecordResult(
  res: http.ServerResponse,
  format: WireFormat,
  root: string,
  record: FlatRecord,
): void {
  if (format === 'json') sendJson(res, 200, record)
  else sendXml(res, 200, formatRecord(format, root, record))
}

export function sendMessage(
  res: http.ServerResponse,
  format: WireFormat,
  status: number,
  message: string,
): void {
  if (format === 'json') sendJson(res, status, { Message: message })
  else sendXml(res, status, `<Error><Message>${escapeXml(message)}</Message></Error>`)
}

export type ReadFields =
  | { readonly ok: true; readonly fields: ReadonlyMap<string, string> }
  | { readonly ok: false; readonly message: string }

/**
 * Reads the named fields of a JSON object or a flat XML document rooted at `root`. A field that
 * is absent, null or empty is left out. JSON keys outside `names` are ignored (as a .NET model
 * binder does); XML elements outside `names` are refused (the strict reader's rule).
 */
export async function readFields(
  req: http.IncomingMessage,
  format: WireFormat,
  root: string,
  names: readonly string[],
): Promise<ReadFields> {
  return readFieldsFromText(await readBody(req), format, root, names)
}

/** The same reading of a body already in hand. */
export function readFieldsFromText(
  text: string,
  format: WireFormat,
  root: string,
  names: readonly string[],
): ReadFields {
  const fields = new Map<string, string>()
  if (format === 'xml') {
    const document = readFlatXml(text)
    if (!document.ok) return { ok: false, message: `The request is invalid: ${document.error}.` }
    if (document.value.root !== root) {
      return { ok: false, message: `The request is invalid: the root element must be <${root}>.` }
    }
    for (const [name, value] of document.value.fields) {
      if (!names.includes(name)) {
        return { ok: false, message: `The request is invalid: <${name}> is not expected.` }
      }
      if (value !== '') fields.set(name, value)
    }
    return { ok: true, fields }
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { ok: false, message: 'The request is invalid: the body is not JSON.' }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'The request is invalid: the body must be a JSON object.' }
  }
  for (const name of names) {
    const value: unknown = Object.hasOwn(body, name)
      ? (body as Record<string, unknown>)[name]
      : undefined
    if (value === undefined || value === null) continue
    if (typeof value !== 'string')
      return { ok: false, message: `The ${name} field must be a string.` }
    if (value.trim() !== '') fields.set(name, value.trim())
  }
  return { ok: true, fields }
}
