import { z } from 'zod'

/** A work email as typed on the sign-in form: trimmed, at most 254 characters (RFC 5321). */
export const emailSchema = z
  .string()
  .trim()
  .min(1, 'Enter your work email.')
  .max(254, 'This email address is too long.')
  .pipe(z.email('Enter a work email like name@company.com.'))
