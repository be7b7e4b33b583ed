// Reads a Simple Setup address. AssureSign's document tells the integrator to append
// `&ssoToken=<token>` to the Simple Setup URL. When that URL already has a query the token is
// one more parameter (`?foo=bar&ssoToken=…`); when it has none, the `&ssoToken=…` lands in the
// path's last segment (`/ui/simpleSetup/{id}&ssoToken=…`). Both forms, and the plain
// `?ssoToken=…`, give the same envelope id and parameters.

export interface SimpleSetupAddress {
  /** The prepared envelope id, percent-decoded (not yet checked). */
  readonly envelopeId: string
  /** Query parameters, plus those appended to the path with `&`. */
  readonly params: URLSearchParams
}

const LANDING = /^\/ui\/simpleSetup\/([^/]+)$/

/** The address of a Simple Setup landing, or undefined for any other path. */
export function readSimpleSetupAddress(url: URL): SimpleSetupAddress | undefined {
  const segment = LANDING.exec(url.pathname)?.[1]
  if (segment === undefined) return undefined
  const amp = segment.indexOf('&')
  const rawId = amp === -1 ? segment : segment.slice(0, amp)
  const params = new URLSearchParams(url.search)
  // URLSearchParams decodes the appended part as a query, `+` as a space included.
  if (amp !== -1)
    for (const [key, value] of new URLSearchParams(segment.slice(amp + 1)))
      params.append(key, value)
  let envelopeId: string
  try {
    envelopeId = decodeURIComponent(rawId)
  } catch {
    envelopeId = rawId
  }
  return { envelopeId, params }
}

/** The pathname as logged and recorded: whatever follows `&` in the path is left out. */
export function redactSimpleSetupPath(pathname: string): string {
  return pathname.replace(/^(\/ui\/simpleSetup\/[^/&]*)&.*$/, '$1&{appended}')
}
