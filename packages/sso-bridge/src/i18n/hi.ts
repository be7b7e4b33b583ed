// The Hindi catalog (हिन्दी): the same ids as en.ts, in plain, polite Hindi ("आप"). Partner and
// product names stay as their owners write them.
import type { MessageId } from './en.ts'

export const hi: Readonly<Record<MessageId, string>> = {
  'language.label': 'भाषा',
  'footer.help': 'मदद चाहिए? संपर्क करें:',
  'footer.privacy': 'गोपनीयता नीति',
  'footer.terms': 'उपयोग की शर्तें',
  'action.retry': 'दोबारा कोशिश करें',
  'action.home': 'होम पर वापस जाएँ',
  'action.newSignIn': 'नया साइन-इन शुरू करें',
  'action.signIn': 'साइन इन करें',
  'error.from.identityProvider': 'आपका पहचान प्रदाता',
  'error.from.signInService': 'साइन-इन सेवा',
  'error.partnerFallback': 'सहयोगी सेवा',
  'error.reference': 'संदर्भ:',
  'error.detailsForSupport': 'सहायता टीम के लिए विवरण',
  'error.time': 'समय:',
  'error.request': 'अनुरोध:',
  'error.messageFrom': '{source} का संदेश:',
  'error.contact': 'संपर्क:',
  'error.contactBelow': 'संपर्क: {contact} (नीचे देखें)',
  'error.stateMissing.title': 'यह पेज बिना साइन-इन के खोला गया',
  'error.stateMissing.message':
    'यह पेज साइन-इन पूरा करता है, लेकिन इस टैब में कोई साइन-इन शुरू नहीं हुआ था। नया साइन-इन शुरू करें।',
  'error.stateMismatch.title': 'यह साइन-इन इस टैब का नहीं है',
  'error.stateMismatch.message':
    'हमें वह साइन-इन नहीं मिला जिसका यह पेज है। हो सकता है वह किसी दूसरे टैब या ब्राउज़र में शुरू हुआ हो। यहीं नया साइन-इन शुरू करें।',
  'error.stateExpired.title': 'इस साइन-इन में बहुत समय लगा',
  'error.stateExpired.message':
    'साइन-इन समय पर पूरा नहीं हुआ, इसलिए आपके खाते की सुरक्षा के लिए हमने उसे रोक दिया। नया साइन-इन शुरू करें।',
  'error.stateUsed.title': 'यह साइन-इन लिंक पहले ही इस्तेमाल हो चुका है',
  'error.stateUsed.message': 'हर साइन-इन लिंक केवल एक बार काम करता है। नया साइन-इन शुरू करें।',
  'error.issuerMismatch.title': 'हमने किसी अनजान स्रोत से आया साइन-इन रोक दिया',
  'error.issuerMismatch.message':
    'साइन-इन ऐसे साइन-इन पेज से लौटा जिस पर यह ऐप भरोसा नहीं करता, इसलिए हमने उसे स्वीकार नहीं किया। नया साइन-इन शुरू करें। अगर ऐसा बार-बार हो, तो सहायता टीम से संपर्क करें।',
  'error.providerError.title': 'आपके पहचान प्रदाता ने आपको साइन इन नहीं किया',
  'error.providerError.message':
    'आपकी कंपनी के साइन-इन पेज ने साइन-इन रोक दिया। नया साइन-इन शुरू करें। अगर ऐसा बार-बार हो, तो सहायता टीम से संपर्क करें।',
  'error.signInCancelled.title': 'साइन-इन रद्द किया गया',
  'error.signInCancelled.message':
    'साइन-इन आपकी कंपनी के साइन-इन पेज पर रद्द किया गया, इसलिए कुछ नहीं बदला है। जब आप तैयार हों, साइन इन करें।',
  'error.invalidCallback.title': 'साइन-इन पूरा नहीं हो सका',
  'error.invalidCallback.message':
    'आपके पहचान प्रदाता ने जब आपको वापस भेजा, तब कुछ जानकारी नहीं थी। नया साइन-इन शुरू करें।',
  'error.loginFailed.title': 'हम आपको साइन इन नहीं कर सके',
  'error.loginFailed.message':
    'साइन-इन सेवा ने यह खाता स्वीकार नहीं किया। जाँच लें कि आप यहाँ और अपनी कंपनी के साइन-इन पेज, दोनों जगह अपना कार्य ईमेल इस्तेमाल कर रहे हैं, फिर नया साइन-इन शुरू करें। अगर ऐसा बार-बार हो, तो सहायता टीम से संपर्क करें।',
  'error.signInExpired.title': 'आपके साइन-इन का समय समाप्त हो गया',
  'error.signInExpired.message':
    'साइन-इन सेवा के पास अब यह साइन-इन नहीं था: इसमें बहुत समय लगा, या यह पहले ही पूरा हो चुका था। नया साइन-इन शुरू करें।',
  'error.signInNotBound.title': 'यह साइन-इन किसी दूसरे ब्राउज़र में शुरू हुआ था',
  'error.signInNotBound.message':
    'आपकी सुरक्षा के लिए, साइन-इन उसी ब्राउज़र में पूरा हो सकता है जिसमें वह शुरू हुआ था। यहीं नया साइन-इन शुरू करें।',
  'error.rateLimited.title': 'बहुत अधिक प्रयास',
  'error.rateLimited.message':
    'कम समय में आपके नेटवर्क से बहुत अधिक प्रयास हुए। एक मिनट रुकें, फिर दोबारा कोशिश करें।',
  'error.sessionExpired.title': 'आपका सत्र समाप्त हो गया है',
  'error.sessionExpired.message':
    'आपका सत्र समाप्त होने के कारण आपको साइन आउट कर दिया गया। जारी रखने के लिए नया साइन-इन शुरू करें।',
  'error.backendUnavailable.title': 'साइन-इन सेवा उपलब्ध नहीं है',
  'error.backendUnavailable.message':
    'साइन-इन सेवा अभी जवाब नहीं दे रही है। थोड़ी देर में दोबारा कोशिश करें।',
  'error.invalidResponse.title': 'साइन-इन सेवा ने अनपेक्षित जवाब दिया',
  'error.invalidResponse.message': 'हम साइन-इन सेवा का जवाब नहीं समझ सके। थोड़ी देर में दोबारा कोशिश करें।',
  'error.timeout.title': 'साइन-इन सेवा ने जवाब देने में बहुत समय लिया',
  'error.timeout.message': 'समय पर कोई जवाब नहीं आया। थोड़ी देर में दोबारा कोशिश करें।',
  'error.storageUnavailable.title': 'यह ब्राउज़र साइन-इन रोक रहा है',
  'error.storageUnavailable.message':
    'साइन-इन के दौरान इस टैब को थोड़ी जानकारी रखनी होती है, और ब्राउज़र ने मना कर दिया। प्राइवेट ब्राउज़िंग बंद करें या इस साइट के लिए साइट डेटा की अनुमति दें, फिर दोबारा कोशिश करें।',
  'error.configInvalid.title': 'यह ऐप सही तरह से सेट नहीं है',
  'error.configInvalid.message':
    'इसकी सेटिंग्स में गलतियाँ हैं, जो नीचे दी गई हैं। इस ऐप को चलाने वाली टीम से उन्हें ठीक करने को कहें, फिर दोबारा कोशिश करें।',
  'error.untrustedRedirect.title': 'हमने किसी अनजान साइट पर भेजना रोक दिया',
  'error.untrustedRedirect.message':
    'ऐप से आपको ऐसी साइट पर भेजने को कहा गया जिस पर वह भरोसा नहीं करता, इसलिए उसने ऐसा नहीं किया। होम पर वापस जाएँ। अगर ऐसा बार-बार हो, तो सहायता टीम से संपर्क करें।',
  'error.invalidHandoffInput.title': '{partner} का यह लिंक काम नहीं करता',
  'error.invalidHandoffInput.message':
    'लिंक अधूरा है या उसमें ऐसे मान हैं जिनका हम उपयोग नहीं कर सकते। होम पर वापस जाएँ और वहीं से चुनें कि कहाँ जाना है।',
  'error.handoffNotPermitted.title': 'आपको {partner} तक पहुँच नहीं है',
  'error.handoffNotPermitted.message':
    'आपके खाते को {partner} तक पहुँच नहीं है। होम पर वापस जाएँ, और पहुँच चाहिए तो सहायता टीम से संपर्क करें।',
  'error.handoffAccountNotOwned.title': 'यह {partner} खाता आपसे जुड़ा नहीं है',
  'error.handoffAccountNotOwned.message':
    'यह लिंक {partner} पर ऐसा खाता खोलता है जो आपके खाते से जुड़ा नहीं है। होम पर वापस जाएँ और वहाँ कोई खाता चुनें, और यह खाता चाहिए तो सहायता टीम से संपर्क करें।',
  'error.handoffNotConfigured.title': '{partner} यहाँ सेट नहीं है',
  'error.handoffNotConfigured.message':
    'यह ऐप अभी {partner} खोलने के लिए सेट नहीं है। होम पर वापस जाएँ, और इसकी ज़रूरत हो तो सहायता टीम से संपर्क करें।',
  'error.handoffUnauthorized.title': '{partner} ने इस बार अनुरोध स्वीकार नहीं किया',
  'error.handoffUnauthorized.message':
    '{partner} ने अनुरोध लौटा दिया। हर नई कोशिश नए सिरे से शुरू होती है, इसलिए दोबारा कोशिश करें।',
  'error.handoffForbidden.title': '{partner} ने आपको प्रवेश नहीं दिया',
  'error.handoffForbidden.message':
    '{partner} के अनुसार आपका खाता इसका उपयोग नहीं कर सकता। होम पर वापस जाएँ, और पहुँच चाहिए तो सहायता टीम से संपर्क करें।',
  'error.handoffBadRequest.title': '{partner} अनुरोध का उपयोग नहीं कर सका',
  'error.handoffBadRequest.message':
    '{partner} ने अनुरोध स्वीकार नहीं किया, और दोबारा कोशिश करने से मदद नहीं मिलेगी। होम पर वापस जाएँ। अगर ऐसा बार-बार हो, तो सहायता टीम से संपर्क करें।',
  'error.handoffNotAcceptable.title': '{partner} तक यहाँ से नहीं पहुँचा जा सकता',
  'error.handoffNotAcceptable.message':
    '{partner} इस नेटवर्क से अनुरोध स्वीकार नहीं करता। होम पर वापस जाएँ, और सहायता टीम से संपर्क करें।',
  'error.handoffRejected.title': '{partner} ने आपके लिए सत्र नहीं खोला',
  'error.handoffRejected.message':
    '{partner} ने अनुरोध अस्वीकार कर दिया। होम पर वापस जाएँ, और मदद चाहिए तो सहायता टीम से संपर्क करें।',
  'error.handoffUnavailable.title': '{partner} उपलब्ध नहीं है',
  'error.handoffUnavailable.message': 'हम {partner} तक नहीं पहुँच सके। थोड़ी देर में दोबारा कोशिश करें।',
  'error.handoffExpired.title': '{partner} का लिंक खुलने से पहले ही समाप्त हो गया',
  'error.handoffExpired.message':
    'यह टैब इंतज़ार कर रहा था, तभी {partner} का एक-बार वाला लिंक समाप्त हो गया। दोबारा कोशिश करें।',
  'error.handoffBlocked.title': 'आपके ब्राउज़र ने {partner} नहीं खोला',
  'error.handoffBlocked.message':
    'इस साइट की सुरक्षा सेटिंग्स ने ब्राउज़र को आपको {partner} पर भेजने से रोक दिया, इसलिए कुछ नहीं भेजा गया। दोबारा कोशिश करने से मदद नहीं मिलेगी: होम पर वापस जाएँ, और सहायता टीम से संपर्क करें ताकि वे सेटअप ठीक कर सकें।',
  'error.partnerTimeout.title': '{partner} ने जवाब देने में बहुत समय लिया',
  'error.partnerTimeout.message': '{partner} ने समय पर जवाब नहीं दिया। थोड़ी देर में दोबारा कोशिश करें।',
  'error.partnerInvalidResponse.title': '{partner} ने अनपेक्षित जवाब दिया',
  'error.partnerInvalidResponse.message':
    'हम {partner} का जवाब नहीं समझ सके। थोड़ी देर में दोबारा कोशिश करें।',

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
  'handoffConfirm.title': '{partner} पर जारी रखें?',
  'handoffConfirm.message':
    'एक लिंक ने यह पेज आपको {partner} में साइन इन करने के लिए खोला है। जारी तभी रखें जब आप वहाँ जाना चाहते थे।',
  'handoffConfirm.continue': 'जारी रखें',
  'handoffConfirm.cancel': 'रद्द करें',
  'handoffConfirm.envelope': 'लिफ़ाफ़ा',
  'handoffConfirm.envelopeId': 'लिफ़ाफ़ा आईडी',
  'handoffConfirm.account': 'खाता',
  'handoffConfirm.landing': 'खुलने वाला पेज',
  'handoffConfirm.lob': 'व्यवसाय की शाखा',
  'handoffConfirm.functionality': 'सुविधा',
  'home.pageTitle': 'होम',
  'home.welcome': 'स्वागत है',
  'home.signedInAs': 'इस रूप में साइन इन:',
  'home.destinations': 'सहयोगी गंतव्य',
  'home.noDestinations':
    'आपके खाते में अभी कोई सहयोगी गंतव्य नहीं है। पहुँच पाने के लिए अपने व्यवस्थापक से संपर्क करें।',
  'home.noDestinationsContact':
    'आपके खाते में अभी कोई सहयोगी गंतव्य नहीं है। पहुँच पाने के लिए {contact} से संपर्क करें (नीचे देखें)।',
  'home.signOut': 'साइन आउट करें',
  'home.signingOut': 'साइन आउट हो रहा है…',
  'progress.checkingSession': 'आपका सत्र जाँचा जा रहा है…',
  'progress.signingIn': 'आपको साइन इन किया जा रहा है…',
  'progress.openingPartner': '{partner} खोला जा रहा है…',
  'notFound.title': 'पेज नहीं मिला',
  'notFound.message': 'इस पते पर कुछ नहीं है। आगे बढ़ने के लिए होम पर वापस जाएँ।',
  'loadFailed.title': 'यह पेज लोड नहीं हो सका',
  'loadFailed.message': 'इस पेज का एक हिस्सा नहीं पहुँचा। अपना कनेक्शन जाँचें, फिर दोबारा कोशिश करें।',
  'pageFailed.title': 'यह पेज दिखाया नहीं जा सका',
  'pageFailed.message': 'इस पते को दिखाते समय कुछ गड़बड़ हो गई। आगे बढ़ने के लिए होम पर वापस जाएँ।',
}
