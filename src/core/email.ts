import { z } from 'zod/mini'
import { isEmail, MAX_EMAIL_LENGTH } from './email-address.ts'

/** A work email as typed on the sign-in form: trimmed, then checked by {@link isEmail}. */
export const emailSchema = z.pipe(
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter your work email.'),
      z.maxLength(MAX_EMAIL_LENGTH, 'This email address is too long.'),
    ),
  z.string().check(z.refine(isEmail, 'Enter a work email like name@company.com.')),
)
