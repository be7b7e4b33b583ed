import { z } from 'zod/mini'

/** A work email as typed on the sign-in form: trimmed, at most 254 characters (RFC 5321). */
export const emailSchema = z.pipe(
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Enter your work email.'),
      z.maxLength(254, 'This email address is too long.'),
    ),
  z.email('Enter a work email like name@company.com.'),
)
