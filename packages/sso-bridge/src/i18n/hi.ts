// The Hindi catalog (हिन्दी): the same ids as en.ts, in plain, polite Hindi ("आप"). Partner and
// product names stay as their owners write them.
import type { Catalog } from './catalog.ts'

export const hi: Catalog = {
  'language.label': 'भाषा',
  'footer.help': 'मदद चाहिए? संपर्क करें:',
  'footer.privacy': 'गोपनीयता नीति',
  'footer.terms': 'उपयोग की शर्तें',
  'action.home': 'होम पर वापस जाएँ',
  'signIn.title': 'साइन इन करें',
  'signIn.again': 'फिर से साइन इन करें',
  'signIn.toContinue': '{product} पर जारी रखने के लिए',
  'signIn.emailLabel': 'कार्य ईमेल',
  'signIn.emailInvalid': 'अपना कार्य ईमेल पता डालें, जैसे name@company.com।',
  'signIn.submit': 'SSO से साइन इन करें',
  'signIn.redirecting': 'आगे भेजा जा रहा है…',
  'signIn.nextStep': 'इसके बाद आप अपने संगठन के साइन-इन पेज पर जाएँगे।',
  'signIn.contacting': 'आपके पहचान प्रदाता से संपर्क किया जा रहा है…',
  'signedOut.title': 'आप साइन आउट हो गए हैं',
  'signedOut.pageTitle': 'साइन आउट',
  'signedOut.everywhere': 'आप यहाँ से और अपने संगठन के साइन-इन पेज से साइन आउट हो गए हैं।',
  'signedOut.thisDevice':
    'इस डिवाइस पर आपका सत्र समाप्त हो गया है। हो सकता है कि आप अपने संगठन के साइन-इन पेज पर अब भी साइन इन हों।',
  'signedOut.signOutThere': 'वहाँ से भी साइन आउट करें।',
  'signedOut.closeTab': 'आप यह टैब बंद कर सकते हैं, या नीचे फिर से साइन इन कर सकते हैं।',
  'progress.checkingSession': 'आपका सत्र जाँचा जा रहा है…',
  'progress.signingIn': 'आपको साइन इन किया जा रहा है…',
  'progress.openingPartner': '{partner} खोला जा रहा है…',
  'notFound.title': 'पेज नहीं मिला',
  'notFound.message': 'इस पते पर कुछ नहीं है। आगे बढ़ने के लिए होम पर वापस जाएँ।',
  'pageFailed.title': 'यह पेज दिखाया नहीं जा सका',
  'pageFailed.message': 'इस पते को दिखाते समय कुछ गड़बड़ हो गई। आगे बढ़ने के लिए होम पर वापस जाएँ।',
}
