// The company the sandbox stands for: the identity provider is its sign-in, the app is its
// product. Pages a person sees in the sandbox (the IdP's sign-in page, the partners' landing
// pages) name these instead of client ids. The app itself is branded in public/sso.config.json.

/** The company whose people sign in at the sandbox identity provider. */
export const COMPANY_NAME = 'Northwind Traders'

/** The company's product: our app (src/app), the one the partner pages link back to. */
export const PRODUCT_NAME = 'Northwind Partner Hub'
