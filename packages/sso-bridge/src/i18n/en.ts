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
  'action.retry': 'Try again',
  'action.home': 'Back to home',
  'action.newSignIn': 'Start a new sign-in',
  'action.signIn': 'Sign in',
  // Error views: who sent a text, and the parts for support
  'error.from.identityProvider': 'your identity provider',
  'error.from.signInService': 'the sign-in service',
  'error.partnerFallback': 'the partner service',
  'error.reference': 'Reference:',
  'error.detailsForSupport': 'Details for support',
  'error.time': 'Time:',
  'error.request': 'Request:',
  'error.messageFrom': 'Message from {source}:',
  'error.contact': 'Contact:',
  'error.contactBelow': 'Contact: {contact} (see below)',
  // Error views, by code (a partner's name is {partner})
  'error.stateMissing.title': 'This page was opened without a sign-in',
  'error.stateMissing.message':
    'This page finishes a sign-in, but no sign-in was started in this tab. Start a new sign-in.',
  'error.stateMismatch.title': 'This sign-in does not belong to this tab',
  'error.stateMismatch.message':
    'We could not find the sign-in this page belongs to. It may have been started in another tab or browser. Start a new sign-in here.',
  'error.stateExpired.title': 'This sign-in took too long',
  'error.stateExpired.message':
    'The sign-in was not finished in time, so we stopped it to keep your account safe. Start a new sign-in.',
  'error.stateUsed.title': 'This sign-in link was already used',
  'error.stateUsed.message': 'Each sign-in link works only once. Start a new sign-in.',
  'error.issuerMismatch.title': 'We stopped a sign-in from an unknown source',
  'error.issuerMismatch.message':
    'The sign-in came back from a sign-in page this app does not trust, so we did not accept it. Start a new sign-in. If this keeps happening, contact support.',
  'error.providerError.title': 'Your identity provider did not sign you in',
  'error.providerError.message':
    "Your company's sign-in page stopped the sign-in. Start a new sign-in. If this keeps happening, contact support.",
  'error.signInCancelled.title': 'Sign-in cancelled',
  'error.signInCancelled.message':
    "The sign-in was cancelled on your company's sign-in page, so nothing has changed. Sign in when you are ready.",
  'error.invalidCallback.title': 'The sign-in could not be finished',
  'error.invalidCallback.message':
    'Some information was missing when your identity provider sent you back. Start a new sign-in.',
  'error.loginFailed.title': 'We could not sign you in',
  'error.loginFailed.message':
    "The sign-in service did not accept this account. Check that you use your work email, both here and on your company's sign-in page, then start a new sign-in. If this keeps happening, contact support.",
  'error.signInExpired.title': 'Your sign-in ran out of time',
  'error.signInExpired.message':
    'The sign-in service no longer had this sign-in: it took too long, or it was already finished. Start a new sign-in.',
  'error.signInNotBound.title': 'This sign-in was started in another browser',
  'error.signInNotBound.message':
    'For your safety, a sign-in can only be finished in the browser that started it. Start a new sign-in here.',
  'error.rateLimited.title': 'Too many attempts',
  'error.rateLimited.message':
    'There were too many attempts from your network in a short time. Wait a minute, then try again.',
  'error.sessionExpired.title': 'Your session has ended',
  'error.sessionExpired.message':
    'You were signed out because your session expired. Start a new sign-in to continue.',
  'error.backendUnavailable.title': 'The sign-in service is not available',
  'error.backendUnavailable.message':
    'The sign-in service is not answering right now. Try again in a moment.',
  'error.invalidResponse.title': 'The sign-in service gave an unexpected answer',
  'error.invalidResponse.message':
    'We did not understand the answer from the sign-in service. Try again in a moment.',
  'error.timeout.title': 'The sign-in service took too long to answer',
  'error.timeout.message': 'No answer came in time. Try again in a moment.',
  'error.storageUnavailable.title': 'This browser is blocking sign-in',
  'error.storageUnavailable.message':
    'Sign-in needs this tab to keep a little information while you sign in, and the browser refused. Turn off private browsing or allow site data for this site, then try again.',
  'error.configInvalid.title': 'This app is not set up correctly',
  'error.configInvalid.message':
    'Its settings have mistakes, listed below. Ask the team that runs this app to fix them, then try again.',
  'error.untrustedRedirect.title': 'We stopped a redirect to an unknown site',
  'error.untrustedRedirect.message':
    'The app was asked to send you to a site it does not trust, so it did not. Go back to home. If this keeps happening, contact support.',
  'error.invalidHandoffInput.title': 'This link to {partner} does not work',
  'error.invalidHandoffInput.message':
    'The link is incomplete or has values we cannot use. Go back to home and choose where to go from there.',
  'error.handoffNotPermitted.title': 'You do not have access to {partner}',
  'error.handoffNotPermitted.message':
    'Your account does not have access to {partner}. Go back to home, and contact support if you need access.',
  'error.handoffAccountNotOwned.title': 'This {partner} account is not linked to you',
  'error.handoffAccountNotOwned.message':
    'The link opens an account at {partner} that is not linked to yours. Go back to home and choose an account there, and contact support if you need this one.',
  'error.handoffNotConfigured.title': '{partner} is not set up here',
  'error.handoffNotConfigured.message':
    'This app is not set up to open {partner} yet. Go back to home, and contact support if you need it.',
  'error.handoffUnauthorized.title': '{partner} did not accept the request this time',
  'error.handoffUnauthorized.message':
    '{partner} turned the request away. Each new try starts afresh, so try again.',
  'error.handoffForbidden.title': '{partner} did not let you in',
  'error.handoffForbidden.message':
    '{partner} says your account may not use it. Go back to home, and contact support if you need access.',
  'error.handoffBadRequest.title': '{partner} could not use the request',
  'error.handoffBadRequest.message':
    '{partner} did not accept the request, and trying again would not help. Go back to home. If this keeps happening, contact support.',
  'error.handoffNotAcceptable.title': '{partner} cannot be reached from here',
  'error.handoffNotAcceptable.message':
    '{partner} does not accept requests from this network. Go back to home, and contact support.',
  'error.handoffRejected.title': '{partner} did not open a session for you',
  'error.handoffRejected.message':
    '{partner} turned the request down. Go back to home, and contact support if you need help.',
  'error.handoffUnavailable.title': '{partner} is not available',
  'error.handoffUnavailable.message': 'We could not reach {partner}. Try again in a moment.',
  'error.handoffExpired.title': 'The link to {partner} expired before we could open it',
  'error.handoffExpired.message':
    'The one-time link to {partner} expired while this tab was waiting. Try again.',
  'error.handoffBlocked.title': 'Your browser did not open {partner}',
  'error.handoffBlocked.message':
    "This site's security settings stopped the browser from sending you to {partner}, so nothing was sent. Trying again would not help: go back to home, and contact support so they can fix the setup.",
  'error.partnerTimeout.title': '{partner} took too long to answer',
  'error.partnerTimeout.message': '{partner} did not answer in time. Try again in a moment.',
  'error.partnerInvalidResponse.title': '{partner} gave an unexpected answer',
  'error.partnerInvalidResponse.message':
    'We did not understand the answer from {partner}. Try again in a moment.',

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
  // Home
  'home.pageTitle': 'Home',
  'home.welcome': 'Welcome',
  'home.signedInAs': 'Signed in as',
  'home.destinations': 'Partner destinations',
  'home.noDestinations':
    'Your account has no partner destinations yet. To get access, contact your administrator.',
  'home.noDestinationsContact':
    'Your account has no partner destinations yet. To get access, contact {contact} (see below).',
  'home.signOut': 'Sign out',
  'home.signingOut': 'Signing out…',
  // Pending steps (the progress view's heading, and the tab title without its "…")
  'progress.checkingSession': 'Checking your session…',
  'progress.signingIn': 'Signing you in…',
  'progress.openingPartner': 'Opening {partner}…',
  // Not found, and a page that failed to show
  'notFound.title': 'Page not found',
  'notFound.message': 'There is nothing at this address. Go back to home to continue.',
  // A part of the page whose code did not arrive
  'loadFailed.title': 'This page could not be loaded',
  'loadFailed.message': 'Part of this page did not arrive. Check your connection, then try again.',
  'pageFailed.title': 'This page could not be shown',
  'pageFailed.message':
    'Something went wrong while showing this address. Go back to home to continue.',
} as const

/** The id of one message of the catalogs. */
export type MessageId = keyof typeof englishCatalog
