import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AuthProvider, useAuth, type AuthProviderProps } from 'react-oidc-context'

// The peer IdP's origin is fixed when the app is built (serve.mjs passes it; 4186 by default).
const authority: string = import.meta.env.VITE_PEER_IDP_ORIGIN ?? 'http://127.0.0.1:4186'

const oidcConfig: AuthProviderProps = {
  authority,
  client_id: 'peer-spa',
  redirect_uri: `${window.location.origin}/callback`,
  scope: 'openid email',
  // As react-oidc-context's README asks: once signed in, drop code and state from the address.
  onSigninCallback: () => {
    window.history.replaceState({}, document.title, window.location.pathname)
  },
}

function App() {
  const auth = useAuth()

  if (auth.isLoading) return <p>Loading…</p>
  if (auth.error) return <p role="alert">Sign-in failed: {auth.error.message}</p>
  if (auth.isAuthenticated) {
    return (
      <>
        <p>Signed in as {auth.user?.profile.email}</p>
        <button type="button" onClick={() => void auth.removeUser()}>
          Sign out
        </button>
      </>
    )
  }
  return (
    <button type="button" onClick={() => void auth.signinRedirect()}>
      Sign in
    </button>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AuthProvider {...oidcConfig}>
      <App />
    </AuthProvider>
  </StrictMode>,
)
