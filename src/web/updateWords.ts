import type { Locale } from '@/core/locales'

const de = {
  formTitle: 'Neuigkeiten per E-Mail',
  formLead:
    'Erfahren Sie, wie die Initiative wächst: gelegentlich eine E-Mail, jederzeit abbestellbar. ' +
    'Erst nach Ihrer Bestätigung senden wir etwas.',
  email: 'E-Mail-Adresse',
  submit: 'Abonnieren',
  trap: 'Dieses Feld bitte leer lassen',
  proof: 'Prüfung im Browser',
  subscribeTitle: 'Neuigkeiten abonnieren',
  sent:
    'Danke! Falls die Adresse noch nicht bestätigt ist, erhalten Sie gleich eine E-Mail mit einem ' +
    'Bestätigungslink. Erst danach senden wir Neuigkeiten.',
  error: {
    email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
    'rate-limited':
      'Gerade kommen zu viele Anfragen von Ihrer Adresse. Bitte versuchen Sie es später.',
    'form-invalid': 'Das Formular war nicht lesbar. Bitte laden Sie die Seite neu.',
    'form-expired': 'Das Formular ist abgelaufen. Bitte laden Sie die Seite neu.',
    'proof-invalid': 'Die Prüfung im Browser ist fehlgeschlagen. Bitte laden Sie die Seite neu.',
  } as Record<string, string>,
  confirmTitle: 'Abonnement bestätigen',
  confirmText:
    'Bestätigen Sie, dass Sie die Neuigkeiten der Initiative an diese Adresse erhalten möchten.',
  confirmButton: 'Abonnement bestätigen',
  unsubscribeTitle: 'Neuigkeiten abbestellen',
  unsubscribeText:
    'Mit diesem Knopf erhalten Sie keine Neuigkeiten mehr; Ihre Adresse wird gelöscht.',
  unsubscribeButton: 'Abbestellen',
  result: {
    subscribed: 'Bestätigt: Sie erhalten die Neuigkeiten der Initiative.',
    unsubscribed: 'Abbestellt: Sie erhalten keine Neuigkeiten mehr.',
    expired: 'Der Link ist abgelaufen. Bitte abonnieren Sie erneut.',
    invalid: 'Dieser Link ist ungültig oder wurde schon benutzt.',
  } as Record<string, string>,
  back: 'Zur Startseite',
}

const en: typeof de = {
  formTitle: 'Updates by e-mail',
  formLead:
    'Hear how the initiative grows: an occasional e-mail, cancelled at any time. Nothing is sent ' +
    'before you confirm.',
  email: 'E-mail address',
  submit: 'Subscribe',
  trap: 'Please leave this field empty',
  proof: 'Check in your browser',
  subscribeTitle: 'Subscribe to updates',
  sent:
    'Thank you! Unless the address is confirmed already, you will receive an e-mail with a ' +
    'confirmation link in a moment. Only then do we send updates.',
  error: {
    email: 'Please enter a valid e-mail address.',
    'rate-limited': 'Too many requests from your address right now. Please try again later.',
    'form-invalid': 'The form could not be read. Please load the page again.',
    'form-expired': 'The form has expired. Please load the page again.',
    'proof-invalid': 'The check in your browser did not succeed. Please load the page again.',
  },
  confirmTitle: 'Confirm your subscription',
  confirmText: 'Confirm that you want to receive the initiative’s updates at this address.',
  confirmButton: 'Confirm my subscription',
  unsubscribeTitle: 'Unsubscribe from updates',
  unsubscribeText: 'With this button you receive no more updates; your address is deleted.',
  unsubscribeButton: 'Unsubscribe',
  result: {
    subscribed: 'Confirmed: you will receive the initiative’s updates.',
    unsubscribed: 'Unsubscribed: you will receive no more updates.',
    expired: 'This link has expired. Please subscribe again.',
    invalid: 'This link is not valid or was used already.',
  },
  back: 'To the home page',
}

/** The words of the subscribe form and the subscription's pages, in the page's language. */
export const updateWords = (locale: Locale) => (locale === 'en' ? en : de)
