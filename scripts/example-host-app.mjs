// The one place the repository registers its example host app (examples/host-app) with the
// sandbox of `npm start` (SSO_SANDBOX_APPS), as any host team would: `NAME=URL|PATH`, its callback
// and its sign-in page (where the identity provider may send the browser after signing out).
// The sandbox itself knows nothing of it; the example's own journeys register it themselves
// (examples/host-app/playwright.config.ts).
export const EXAMPLE_HOST_APP = 'Acme CRM=http://127.0.0.1:4180/login/complete|/login'
