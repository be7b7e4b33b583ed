// The Hindi catalog (हिन्दी): the same ids as en.ts, in plain, polite Hindi ("आप"). Partner and
// product names stay as their owners write them.
import type { Catalog } from './catalog.ts'

export const hi: Catalog = {
  'language.label': 'भाषा',
  'footer.help': 'मदद चाहिए? संपर्क करें:',
  'footer.privacy': 'गोपनीयता नीति',
  'footer.terms': 'उपयोग की शर्तें',
  'action.home': 'होम पर वापस जाएँ',
  'progress.checkingSession': 'आपका सत्र जाँचा जा रहा है…',
  'progress.signingIn': 'आपको साइन इन किया जा रहा है…',
  'progress.openingPartner': '{partner} खोला जा रहा है…',
  'notFound.title': 'पेज नहीं मिला',
  'notFound.message': 'इस पते पर कुछ नहीं है। आगे बढ़ने के लिए होम पर वापस जाएँ।',
  'pageFailed.title': 'यह पेज दिखाया नहीं जा सका',
  'pageFailed.message': 'इस पते को दिखाते समय कुछ गड़बड़ हो गई। आगे बढ़ने के लिए होम पर वापस जाएँ।',
}
