// The one place the repository registers its example host app (examples/host-app) with the
// sandbox, as any host team would: `NAME=URL` of its callback, passed to the kit's CLI by
// playwright.config.ts (`--app`) and to the sandbox and BFF of `npm start` (SSO_SANDBOX_APPS).
// The sandbox itself knows nothing of it.
export const EXAMPLE_HOST_APP = 'Acme CRM=http://127.0.0.1:4180/login/complete'
