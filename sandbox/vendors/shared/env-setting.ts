// Vendor credentials of the sandbox come from environment variables with sandbox defaults, so the
// emulators and the BFF (through sandbox/bff-env.ts) read the same values (docs/emulators.md lists
// every variable).

/** The variable's value, or `fallback` when it is unset or empty. */
export function envSetting(name: string, fallback: string): string {
  const value = process.env[name]
  return value === undefined || value === '' ? fallback : value
}
