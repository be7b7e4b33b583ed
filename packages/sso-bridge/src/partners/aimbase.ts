// Aimbase Security/SignOnAccount through the BFF, in the JSON or XML body format the vendor
// documents: the app sends JSON and names the format, the BFF writes Aimbase's body in it, and
// Aimbase's answer comes back in that format. This file reads Aimbase's answers.
import { PARTNER_PATHS, type PartnerRequest } from '../../../contract/src/contract.ts'
import { z } from 'zod/mini'
import { allowRedirect } from '../core/allowed-redirect.ts'
import { descriptionSchema, guidSchema, originSchema } from '../core/config.ts'
import { SsoError } from '../core/errors.ts'
import { parseField, relativePathSchema, required, singleParam } from '../core/handoff-input.ts'
import { statusFailure, type PartnerAdapter } from '../core/handoff.ts'
import { parseJsonBody, sendRequest, type HttpResponse } from '../core/http.ts'
import {
  aimbaseLinks,
  DEFAULT_AIMBASE_LANDING,
  type AimbaseConfig,
  type AimbaseInput,
} from './aimbase-links.ts'

export { DEFAULT_AIMBASE_LANDING } from './aimbase-links.ts'
export type { AimbaseConfig, AimbaseInput } from './aimbase-links.ts'

const formatSchema = z.enum(['json', 'xml'])

const configSchema: z.ZodMiniType<AimbaseConfig> = z.strictObject({
  origin: originSchema,
  /** Body format of SignOnAccount: both are documented by Aimbase. */
  format: formatSchema,
  accounts: z.array(
    z.strictObject({
      uid: guidSchema,
      label: z.string().check(z.minLength(1)),
      description: descriptionSchema,
      /** The same rule as a link's `?landing=`. */
      landing: relativePathSchema,
      /** Overrides `format` for this account. */
      format: z.optional(formatSchema),
    }),
  ),
})

/**
 * Reads `aimbase?account=…&landing=…`. Without `landing` the hand-off lands on
 * {@link DEFAULT_AIMBASE_LANDING}; an empty one is refused.
 */
function parseInput({ search }: { search: URLSearchParams }): AimbaseInput {
  const accountUid = parseField(
    guidSchema,
    'account',
    required('account', singleParam(search, 'account')),
  )
  const rawLanding = singleParam(search, 'landing')
  const landing =
    rawLanding === undefined
      ? DEFAULT_AIMBASE_LANDING
      : parseField(relativePathSchema, 'landing', rawLanding)
  return { accountUid, landing }
}

/** Aimbase documents its sign-on session token as valid for 15 seconds. */
const TOKEN_LIFETIME_MS = 15_000

/** Namespace of the `<string>` a .NET DataContractSerializer writes around the token. */
const SERIALIZATION_NS = 'http://schemas.microsoft.com/2003/10/Serialization/'

/** An opaque token: printable ASCII, no spaces (it travels in a URL path, encoded). */
const tokenSchema = z
  .string()
  .check(z.regex(/^[\x21-\x7E]{1,4096}$/, 'must be 1 to 4096 printable characters without spaces'))

/** ASP.NET Web API error body; only `Message` is used. */
const jsonErrorSchema = z.object({ Message: z.string() })

const MEDIA_TYPES = { json: 'application/json', xml: 'application/xml' } as const

/**
 * Strict XML reading: no DOCTYPE at all (OWASP XXE Prevention: entity expansion is the attack),
 * no parse errors, and the exact root element the caller expects.
 */
function readXmlRoot(text: string, rootName: string, namespaces: readonly (string | null)[]) {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return undefined
  const document = new DOMParser().parseFromString(text, 'application/xml')
  // Stryker disable next-line ConditionalExpression: a doctype needs "<!DOCTYPE", refused before parsing
  if (document.doctype !== null) return undefined
  if (document.getElementsByTagName('parsererror').length > 0) return undefined
  const root = document.documentElement
  if (root.nodeName !== rootName || !namespaces.includes(root.namespaceURI)) return undefined
  return root
}

/** The text of an element with exactly one text child and no attributes but `xmlns`. */
function onlyText(element: Element): string | undefined {
  for (const attribute of Array.from(element.attributes)) {
    if (attribute.name !== 'xmlns') return undefined
  }
  const [child, ...rest] = Array.from(element.childNodes)
  if (child === undefined || rest.length > 0 || child.nodeType !== Node.TEXT_NODE) return undefined
  return child.nodeValue ?? undefined
}

function isXml(response: HttpResponse): boolean {
  return /^(application|text)\/([\w.-]+\+)?xml\s*(;|$)/i.test(response.contentType)
}

/** `<string xmlns="…/Serialization/">token</string>` (the namespace may be left out). */
function xmlToken(text: string): string | undefined {
  const root = readXmlRoot(text, 'string', [SERIALIZATION_NS, null])
  return root === undefined ? undefined : onlyText(root)
}

/** `<Error><Message>…</Message></Error>`; white space between elements is allowed. */
function xmlErrorMessage(text: string): string | undefined {
  const root = readXmlRoot(text, 'Error', [null])
  if (root === undefined || root.attributes.length > 0) return undefined
  const elements: Element[] = []
  // Stryker disable OptionalChaining: a child that is not an element has a nodeValue
  for (const node of Array.from(root.childNodes)) {
    if (node.nodeType === Node.ELEMENT_NODE) elements.push(node as Element)
    else if (node.nodeType !== Node.TEXT_NODE || node.nodeValue?.trim() !== '') return undefined
  }
  // Stryker restore OptionalChaining
  const [message, ...rest] = elements
  if (message?.nodeName !== 'Message' || rest.length > 0 || message.attributes.length > 0) {
    return undefined
  }
  // Markup inside the message (`<Message>Customer is <b>blocked</b></Message>`) keeps its words;
  // the error view shows them as plain text.
  return message.textContent
}

function tokenOf(response: HttpResponse): string {
  const raw = isXml(response) ? xmlToken(response.text) : parseJsonBody(response)
  const token = tokenSchema.safeParse(raw)
  if (!token.success) {
    throw new SsoError('invalid_response', 'Aimbase answer is not a token string', {
      cause: token.error,
    })
  }
  return token.data
}

function errorMessageOf(response: HttpResponse): string | undefined {
  if (isXml(response)) return xmlErrorMessage(response.text)
  const body = jsonErrorSchema.safeParse(parseJsonBody(response))
  return body.success ? body.data.Message : undefined
}

/** The configured account `uid` names (GUIDs compare without case), if the config lists it. */
function accountOf(uid: string, accounts: AimbaseConfig['accounts']) {
  const wanted = uid.toLowerCase()
  return accounts.find((account) => account.uid.toLowerCase() === wanted)
}

/** Aimbase sign-on to one dealer account, landing on a relative path, with a 15-second token. */
export const aimbase: PartnerAdapter<AimbaseConfig, AimbaseInput> = {
  ...aimbaseLinks,
  configSchema,
  tokenLifetimeMs: TOKEN_LIFETIME_MS,
  landing: 'redirect',
  parseInput,
  describe({ accountUid, landing }, config) {
    const account = accountOf(accountUid, config.accounts)
    return [
      { term: 'handoffConfirm.account', description: account?.label ?? accountUid },
      { term: 'handoffConfirm.landing', description: landing },
    ]
  },
  async request(input, req) {
    const { origin, format, accounts } = req.config
    // A configured account may choose its own format; any other account uses the default.
    const account = accountOf(input.accountUid, accounts)
    const wire = account?.format ?? format
    const response = await sendRequest({
      fetch: req.fetch,
      url: req.apiBase + PARTNER_PATHS.aimbase,
      headers: { 'Content-Type': 'application/json', Accept: MEDIA_TYPES[wire] },
      body: JSON.stringify({
        AccountUid: input.accountUid,
        LandingPageUrl: input.landing,
        Format: wire,
      } satisfies PartnerRequest<'aimbase'>),
      timeoutMs: req.timeoutMs,
      unavailableCode: 'handoff_unavailable',
    })
    // A 403 is usually the BFF's: the account does not belong to the signed-in person.
    const statusError = statusFailure('Aimbase', response, errorMessageOf(response))
    if (statusError !== undefined) throw statusError
    const token = tokenOf(response)
    const url = `${origin}/Account/SingleSignOn/${encodeURIComponent(token)}?returnUrl=${encodeURIComponent(input.landing)}`
    return { kind: 'redirect', url: allowRedirect(url, [origin]) }
  },
}
