// The English catalog: every sentence sso-bridge's views show, by message id, in ICU
// MessageFormat ({name} is a value, {count, plural, …} a plural). English is the source: every
// other catalog has exactly these ids (a missing one does not compile, and i18n.test.ts fails on
// an id no view uses). Words for people, never for engineers.
export const englishCatalog = {
  // Frame and language
  'language.label': 'Language',
  'footer.help': 'Need help? Contact',
  'footer.privacy': 'Privacy policy',
  'footer.terms': 'Terms of use',
  // The ways forward of a view
  'action.home': 'Back to home',
  // The sign-in card
  'signIn.title': 'Sign in',
  'signIn.again': 'Sign in again',
  'signIn.toContinue': 'to continue to {product}',
  'signIn.emailLabel': 'Work email',
  'signIn.emailInvalid': 'Enter your work email address, like name@company.com.',
  'signIn.submit': 'Sign in with SSO',
  'signIn.redirecting': 'Redirecting…',
  'signIn.nextStep': "You will continue to your organisation's sign-in page.",
  'signIn.contacting': 'Contacting your identity provider…',
  // Signed out
  'signedOut.title': 'You are signed out',
  'signedOut.pageTitle': 'Signed out',
  'signedOut.everywhere': "You are signed out here and at your organisation's sign-in page.",
  'signedOut.thisDevice':
    "Your session has ended on this device. You may still be signed in at your organisation's sign-in page.",
  'signedOut.signOutThere': 'Sign out there too.',
  'signedOut.closeTab': 'You can close this tab, or sign in again below.',
  // The question before a hand-off opened from outside the app
  'handoffConfirm.title': 'Continue to {partner}?',
  'handoffConfirm.message':
    'A link opened this page to sign you in to {partner}. Continue only if you expected to go there.',
  'handoffConfirm.continue': 'Continue',
  'handoffConfirm.cancel': 'Cancel',
  'handoffConfirm.envelope': 'Envelope',
  'handoffConfirm.envelopeId': 'Envelope id',
  'handoffConfirm.account': 'Account',
  'handoffConfirm.landing': 'Landing page',
  'handoffConfirm.lob': 'Line of business',
  'handoffConfirm.functionality': 'Functionality',
  // Pending steps (the progress view's heading, and the tab title without its "…")
  'progress.checkingSession': 'Checking your session…',
  'progress.signingIn': 'Signing you in…',
  'progress.openingPartner': 'Opening {partner}…',
  // Not found, and a page that failed to show
  'notFound.title': 'Page not found',
  'notFound.message': 'There is nothing at this address. Go back to home to continue.',
  'pageFailed.title': 'This page could not be shown',
  'pageFailed.message':
    'Something went wrong while showing this address. Go back to home to continue.',
} as const

/** The id of one message of the catalogs. */
export type MessageId = keyof typeof englishCatalog
