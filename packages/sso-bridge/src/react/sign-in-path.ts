/** The sign-in page at `signInPath`, continuing to `returnTo` (a validated app path) afterwards. */
export function signInPath(signIn: string, returnTo: string | undefined, home = '/'): string {
  if (returnTo === undefined || returnTo === home) return signIn
  return `${signIn}?${new URLSearchParams({ returnTo }).toString()}`
}
