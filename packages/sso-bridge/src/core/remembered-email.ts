// The work email this tab last started a sign-in with, so the sign-in form can offer it again
// after a cancel or a failed sign-in. Kept in this tab's sessionStorage only (never in a URL, never
// in another tab), read back through the email rule, and forgotten at sign-out.
import { isEmail } from './email-address.ts'
import { guardStorage } from './storage.ts'

const EMAIL_KEY = 'sso-bridge:email'

/** Keeps `email` for this tab; a storage that refuses it only means the person types it again. */
export function rememberEmail(storage: Storage, email: string): void {
  if (!isEmail(email)) return
  try {
    guardStorage(() => {
      storage.setItem(EMAIL_KEY, email)
    })
  } catch {
    // Nothing is lost but a convenience; sign-in itself refuses a storage that does not work.
  }
}

/** The email this tab kept, or undefined (none, unreadable, or not an email any more). */
export function rememberedEmail(storage: Storage): string | undefined {
  try {
    const email = guardStorage(() => storage.getItem(EMAIL_KEY))
    return email !== null && isEmail(email) ? email : undefined
  } catch {
    return undefined
  }
}

/** Forgets the kept email (sign-out). */
export function forgetEmail(storage: Storage): void {
  try {
    guardStorage(() => {
      storage.removeItem(EMAIL_KEY)
    })
  } catch {
    // A storage that cannot be written holds nothing of ours either.
  }
}
