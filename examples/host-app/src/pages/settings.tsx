import { useSession } from 'sso-bridge/react'

/** Behind requireSession: only rendered for a signed-in person. */
export function Settings() {
  const session = useSession()
  if (session.status !== 'signed-in') return null
  const { email, permissions } = session.session
  return (
    <section className="acme-panel">
      <h1>Settings</h1>
      <dl className="acme-facts">
        <dt>Account</dt>
        <dd>{email}</dd>
        <dt>Partner access</dt>
        <dd>{permissions.length === 0 ? 'none' : permissions.join(', ')}</dd>
      </dl>
    </section>
  )
}
