/** The sign-in form, continuing to `returnTo` (an already validated app path) afterwards. */
export function signInPath(returnTo: string | undefined): string {
  if (returnTo === undefined || returnTo === '/') return '/'
  return `/?${new URLSearchParams({ returnTo }).toString()}`
}
