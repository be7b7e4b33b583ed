// Aimbase: LandingPageUrl / returnUrl "should be the relative path from the base url". Only a
// plain same-origin path is accepted, so the landing can never send the person elsewhere.

const MAX_LENGTH = 2048

/**
 * True for "/x/y?z" style paths: one leading slash, no "//" anywhere, no backslash (browsers read
 * "/\evil" as "//evil"), no whitespace or control characters (URL parsers strip some of them).
 */
export function isRelativeLandingPath(value: string): boolean {
  if (value.length === 0 || value.length > MAX_LENGTH) return false
  if (!value.startsWith('/') || value.includes('//') || value.includes('\\')) return false
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return false
  const base = 'http://aimbase.invalid'
  return new URL(value, base).origin === base
}
