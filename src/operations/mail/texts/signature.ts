import { composeMail, type ComposedMail } from '../compose'
import type { Language } from '../recipientLanguage'
import { greeting } from './greeting'

export type SignatureLinks = { name: string; confirm: string; withdraw: string; days: number }

/** To a new signer: the confirmation link (one use, `days` valid) and the withdrawal link. */
export function signatureConfirmationMail(language: Language, s: SignatureLinks): ComposedMail {
  if (language === 'en') {
    return composeMail(language, 'Please confirm your signature', [
      { paragraph: greeting(language, s.name) },
      {
        paragraph:
          'Thank you for signing the declaration “New Wave of European AI”. Your signature ' +
          `counts once you confirm it with this link; it works once, within ${s.days} days.`,
      },
      { link: s.confirm, label: 'Confirm my signature' },
      {
        paragraph:
          'If you change your mind, this link withdraws your signature at any time and deletes ' +
          'your data at once. Keep this e-mail for it.',
      },
      { link: s.withdraw, label: 'Withdraw my signature' },
      {
        paragraph:
          'If you did not sign, ignore this e-mail: without confirmation the signature is deleted.',
      },
    ])
  }
  return composeMail(language, 'Bitte bestätigen Sie Ihre Unterschrift', [
    { paragraph: greeting(language, s.name) },
    {
      paragraph:
        'danke, dass Sie die Erklärung „New Wave of European AI“ unterzeichnet haben. Ihre ' +
        `Unterschrift zählt, sobald Sie sie mit diesem Link bestätigen; er gilt einmal, innerhalb von ${s.days} Tagen.`,
    },
    { link: s.confirm, label: 'Unterschrift bestätigen' },
    {
      paragraph:
        'Wenn Sie es sich anders überlegen, zieht dieser Link Ihre Unterschrift jederzeit zurück ' +
        'und löscht Ihre Daten sofort. Bewahren Sie diese E-Mail dafür auf.',
    },
    { link: s.withdraw, label: 'Unterschrift zurückziehen' },
    {
      paragraph:
        'Wenn Sie nicht unterzeichnet haben, ignorieren Sie diese E-Mail: Ohne Bestätigung wird ' +
        'die Unterschrift gelöscht.',
    },
  ])
}

/**
 * To an address that has signed already, when someone signs with it again: it says so, and
 * carries a fresh withdrawal link (the earlier one stops working). The screen said the same as
 * for a new signature, so only the owner of the address learns this.
 */
export function signatureAlreadyMail(
  language: Language,
  s: { name: string; withdraw: string },
): ComposedMail {
  if (language === 'en') {
    return composeMail(language, 'You have already signed the declaration', [
      { paragraph: greeting(language, s.name) },
      {
        paragraph:
          'Someone (most likely you) just signed the declaration “New Wave of European AI” ' +
          'with this address. This address has signed already, so nothing changes: it counts once.',
      },
      {
        paragraph:
          'To withdraw your signature and delete your data, use this link. Links in earlier ' +
          'e-mails no longer work.',
      },
      { link: s.withdraw, label: 'Withdraw my signature' },
    ])
  }
  return composeMail(language, 'Sie haben die Erklärung bereits unterzeichnet', [
    { paragraph: greeting(language, s.name) },
    {
      paragraph:
        'soeben wurde die Erklärung „New Wave of European AI“ mit dieser Adresse unterzeichnet, ' +
        'wahrscheinlich von Ihnen. Diese Adresse hat bereits unterzeichnet, also ändert sich ' +
        'nichts: Sie zählt einmal.',
    },
    {
      paragraph:
        'Mit diesem Link ziehen Sie Ihre Unterschrift zurück und löschen Ihre Daten. Links aus ' +
        'früheren E-Mails gelten nicht mehr.',
    },
    { link: s.withdraw, label: 'Unterschrift zurückziehen' },
  ])
}
