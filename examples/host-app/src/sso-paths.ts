/** Where the identity provider sends people back to Acme Portal (registered with the IdP). */
export const CALLBACK_PATH = '/auth/callback'
