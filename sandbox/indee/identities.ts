// Who a sign-in is: the ID token's (issuer, subject), not its email. OIDC Core §5.7: `sub` is
// the only claim unique and stable per issuer; an email may be reassigned. The first sign-in of
// an email at an issuer links that email to that subject; a later ID token that pairs the email
// with another subject, or the subject with another email, is refused.

export type IdentityCheck = 'ok' | 'email_taken' | 'subject_mismatch'

export class IdentityLinks {
  /** "iss sub" → email, and "iss email" → sub (lower-case email). */
  readonly #emailOf = new Map<string, string>()
  readonly #subjectOf = new Map<string, string>()

  /** Checks the pair and, when it is new and consistent, links it. */
  link(issuer: string, subject: string, email: string): IdentityCheck {
    const wanted = email.toLowerCase()
    const bySubject = JSON.stringify([issuer, subject])
    const byEmail = JSON.stringify([issuer, wanted])
    const knownEmail = this.#emailOf.get(bySubject)
    const knownSubject = this.#subjectOf.get(byEmail)
    if (knownSubject !== undefined && knownSubject !== subject) return 'email_taken'
    if (knownEmail !== undefined && knownEmail !== wanted) return 'subject_mismatch'
    this.#emailOf.set(bySubject, wanted)
    this.#subjectOf.set(byEmail, subject)
    return 'ok'
  }
}
