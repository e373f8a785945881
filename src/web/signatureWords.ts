import type { Locale } from '@/core/locales'
import type { FieldName, FieldProblem } from '@/cms/signatures/input'
import { sectorLabels, sectors } from '@/cms/signatures/states'

/** The signing pages' own words, German first. */
const words = {
  de: {
    signTitle: 'Erklärung unterzeichnen',
    signLead:
      'Unterzeichnen Sie als Person oder für Ihre Organisation. Sie erhalten eine E-Mail mit einem Bestätigungslink; erst danach zählt Ihre Unterschrift.',
    signNow: 'Jetzt unterzeichnen',
    count: (n: number) =>
      n === 1 ? '1 Unterschrift' : `${n.toLocaleString('de-DE')} Unterschriften`,
    name: 'Name',
    nameHint: 'Ihr Name oder der Name Ihrer Organisation, ohne Links.',
    email: 'E-Mail-Adresse',
    emailHint: 'Wird nie veröffentlicht. Dorthin schicken wir den Bestätigungslink.',
    kind: 'Ich unterzeichne als',
    person: 'Person',
    organization: 'Organisation',
    organizationField: 'Organisation',
    organizationHint: 'Optional: Wo Sie arbeiten, oder bei einer Organisation ihr Sitz.',
    roleTitle: 'Funktion',
    sector: 'Sektor',
    country: 'Land',
    countryHint: 'Zweistelliger Ländercode, etwa DE.',
    chooseOne: 'Bitte wählen',
    display: 'Wie erscheinen Sie?',
    named: 'Mit Namen in der Liste der Unterzeichnenden',
    counted: 'Nur mitgezählt, ohne Namen',
    updates: 'Ich möchte Neuigkeiten der Initiative per E-Mail erhalten (jederzeit abbestellbar).',
    privacy: 'Datenschutz',
    proof: 'Prüfung gegen automatisierte Einsendungen',
    proofNoScript:
      'Ohne JavaScript kann Ihr Browser die automatische Prüfung nicht ausführen: Ihre Unterschrift wird dann vor der Veröffentlichung von der Redaktion geprüft.',
    trap: 'Dieses Feld bitte leer lassen',
    submit: 'Unterzeichnen',
    sending: 'Wird gesendet …',
    errorsHeading: 'Bitte prüfen Sie Ihre Angaben',
    sentTitle: 'Fast geschafft: Bitte bestätigen Sie per E-Mail',
    sentText:
      'Wir haben Ihnen eine E-Mail geschickt. Öffnen Sie den Link darin, um Ihre Unterschrift zu bestätigen; er gilt sieben Tage. Ohne Bestätigung wird nichts veröffentlicht.',
    confirmTitle: 'Unterschrift bestätigen',
    confirmText: 'Bestätigen Sie hier Ihre Unterschrift unter der Erklärung.',
    confirmButton: 'Unterschrift bestätigen',
    withdrawTitle: 'Unterschrift zurückziehen',
    withdrawText:
      'Damit ziehen Sie Ihre Unterschrift zurück. Alle Ihre Daten werden sofort und endgültig gelöscht.',
    withdrawButton: 'Unterschrift zurückziehen',
    result: {
      approved: 'Danke! Ihre Unterschrift ist bestätigt und zählt ab sofort.',
      'awaiting-moderation':
        'Danke! Ihre Unterschrift ist bestätigt. Die Redaktion prüft sie, bevor sie erscheint.',
      invalid:
        'Dieser Link ist nicht (mehr) gültig: Er wurde schon verwendet oder ist unvollständig.',
      expired: 'Dieser Link ist abgelaufen. Bitte unterzeichnen Sie erneut.',
      withdrawn: 'Ihre Unterschrift ist zurückgezogen, Ihre Daten sind gelöscht.',
      'rate-limited': 'Zu viele Versuche von dieser Adresse. Bitte versuchen Sie es später erneut.',
      busy: 'Gerade sind sehr viele Menschen hier. Ihre Angaben sind noch da: Bitte senden Sie noch einmal.',
    } as Record<string, string>,
    backToDeclaration: 'Zur Erklärung',
    filterSector: 'Sektor',
    filterCountry: 'Land (Code)',
    field: {
      name: 'Name',
      email: 'E-Mail-Adresse',
      kind: 'Art der Unterschrift',
      organization: 'Organisation',
      roleTitle: 'Funktion',
      sector: 'Sektor',
      country: 'Land',
      display: 'Wie erscheinen Sie?',
    } satisfies Record<FieldName, string>,
    problem: {
      required: 'fehlt',
      invalid: 'ist nicht gültig',
      link: 'darf keine Links enthalten',
      markup: 'darf keine spitzen Klammern enthalten',
      control: 'enthält unzulässige Zeichen',
      'too long': 'ist zu lang',
    } satisfies Record<FieldProblem, string>,
    form: {
      'form-invalid':
        'Dieses Formular ist ungültig. Bitte laden Sie die Seite neu und senden Sie erneut.',
      'form-expired':
        'Das Formular war zu lange offen. Bitte laden Sie die Seite neu und senden Sie erneut.',
      'form-used':
        'Dieses Formular wurde schon gesendet. Bitte laden Sie die Seite neu, um erneut zu senden.',
      'too-fast':
        'Das ging schneller, als ein Mensch tippt. Bitte warten Sie einen Moment und senden Sie erneut.',
      'proof-invalid':
        'Die automatische Prüfung ist fehlgeschlagen. Bitte laden Sie die Seite neu und senden Sie erneut.',
      'rate-limited': 'Zu viele Versuche von dieser Adresse. Bitte versuchen Sie es später erneut.',
      busy: 'Gerade sind sehr viele Menschen hier. Ihre Angaben sind noch da: Bitte senden Sie noch einmal.',
      fields: 'Einige Angaben fehlen oder passen nicht. Ihre Eingaben wurden nicht gespeichert.',
      failed: 'Das Senden hat nicht geklappt. Bitte versuchen Sie es noch einmal.',
    } as Record<string, string>,
  },
  en: {
    signTitle: 'Sign the declaration',
    signLead:
      'Sign as a person or for your organization. You will receive an e-mail with a confirmation link; your signature counts once you have confirmed it.',
    signNow: 'Sign now',
    count: (n: number) => (n === 1 ? '1 signature' : `${n.toLocaleString('en-GB')} signatures`),
    name: 'Name',
    nameHint: 'Your name or your organization’s, without links.',
    email: 'E-mail address',
    emailHint: 'Never published. We send the confirmation link there.',
    kind: 'I sign as',
    person: 'A person',
    organization: 'An organization',
    organizationField: 'Organization',
    organizationHint: 'Optional: where you work.',
    roleTitle: 'Role',
    sector: 'Sector',
    country: 'Country',
    countryHint: 'Two-letter country code such as DE.',
    chooseOne: 'Please choose',
    display: 'How do you appear?',
    named: 'By name in the list of signatories',
    counted: 'Counted only, without my name',
    updates: 'I would like news of the initiative by e-mail (unsubscribe at any time).',
    privacy: 'Privacy',
    proof: 'Check against automated submissions',
    proofNoScript:
      'Without JavaScript your browser cannot run the automatic check: your signature is then reviewed by the editors before it appears.',
    trap: 'Please leave this field empty',
    submit: 'Sign',
    sending: 'Sending …',
    errorsHeading: 'Please check your details',
    sentTitle: 'Almost done: please confirm by e-mail',
    sentText:
      'We have sent you an e-mail. Open the link in it to confirm your signature; it works for seven days. Nothing is published without confirmation.',
    confirmTitle: 'Confirm your signature',
    confirmText: 'Confirm your signature of the declaration here.',
    confirmButton: 'Confirm my signature',
    withdrawTitle: 'Withdraw your signature',
    withdrawText: 'This withdraws your signature. All your data is deleted at once and for good.',
    withdrawButton: 'Withdraw my signature',
    result: {
      approved: 'Thank you! Your signature is confirmed and counts from now on.',
      'awaiting-moderation':
        'Thank you! Your signature is confirmed. The editors review it before it appears.',
      invalid: 'This link does not work (any more): it was used already or is incomplete.',
      expired: 'This link has expired. Please sign again.',
      withdrawn: 'Your signature is withdrawn and your data deleted.',
      'rate-limited': 'Too many attempts from this address. Please try again later.',
      busy: 'A great many people are here right now. What you typed is still here: please send again.',
    } as Record<string, string>,
    backToDeclaration: 'To the declaration',
    filterSector: 'Sector',
    filterCountry: 'Country (code)',
    field: {
      name: 'Name',
      email: 'E-mail address',
      kind: 'Kind of signature',
      organization: 'Organization',
      roleTitle: 'Role',
      sector: 'Sector',
      country: 'Country',
      display: 'How you appear',
    } satisfies Record<FieldName, string>,
    problem: {
      required: 'is missing',
      invalid: 'is not valid',
      link: 'may not contain links',
      markup: 'may not contain angle brackets',
      control: 'contains characters that are not allowed',
      'too long': 'is too long',
    } satisfies Record<FieldProblem, string>,
    form: {
      'form-invalid': 'This form is not valid. Please reload the page and send it again.',
      'form-expired': 'The form was open too long. Please reload the page and send it again.',
      'form-used': 'This form was sent already. Please reload the page to send it again.',
      'too-fast': 'That was quicker than a person types. Please wait a moment and send it again.',
      'proof-invalid': 'The automatic check failed. Please reload the page and send it again.',
      'rate-limited': 'Too many attempts from this address. Please try again later.',
      busy: 'A great many people are here right now. What you typed is still here: please send again.',
      fields: 'Some details are missing or do not fit. Nothing was saved.',
      failed: 'Sending did not work. Please try again.',
    } as Record<string, string>,
  },
} satisfies Record<Locale, unknown>

export const signatureWords = (locale: Locale) => words[locale]

export const sectorOptions = (locale: Locale) =>
  sectors.map((value) => ({ value, label: sectorLabels[value][locale] }))
