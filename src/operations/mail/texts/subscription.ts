import { composeMail, type ComposedMail } from '../compose'
import type { Language } from '../recipientLanguage'

/** To an address entered in the subscribe form: the one link that starts the subscription. */
export function subscriptionConfirmationMail(
  language: Language,
  s: { confirm: string; days: number },
): ComposedMail {
  if (language === 'en') {
    return composeMail(language, 'Please confirm your subscription', [
      {
        paragraph:
          'Someone, probably you, asked to receive the e-mail updates of the initiative “New ' +
          'Wave of European AI” at this address. Nothing is sent to it until you confirm with ' +
          `this link; it works once, within ${s.days} days.`,
      },
      { link: s.confirm, label: 'Confirm my subscription' },
      {
        paragraph:
          'If you did not ask for it, ignore this e-mail: without confirmation the address is ' +
          'deleted and you hear nothing more from us.',
      },
    ])
  }
  return composeMail(language, 'Bitte bestätigen Sie Ihr Abonnement', [
    {
      paragraph:
        'Jemand, vermutlich Sie, möchte die Neuigkeiten der Initiative „New Wave of European AI“ ' +
        'per E-Mail an diese Adresse erhalten. Wir senden nichts, bevor Sie mit diesem Link ' +
        `bestätigen; er gilt einmal, innerhalb von ${s.days} Tagen.`,
    },
    { link: s.confirm, label: 'Abonnement bestätigen' },
    {
      paragraph:
        'Wenn Sie das nicht wollten, ignorieren Sie diese E-Mail: Ohne Bestätigung wird die ' +
        'Adresse gelöscht, und Sie hören nichts mehr von uns.',
    },
  ])
}

/** What an update says: the editor's text, the news item it announces, and how to leave. */
export type UpdateContent = {
  subject: string
  body: string
  /** The news item on the portal, when the update announces one. */
  readMore?: string | null
  /** The page that unsubscribes with one button; a test mail has none yet. */
  unsubscribe: string | null
}

const paragraphs = (text: string) =>
  text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => ({ paragraph }))

/** One update in one language: text and HTML with the same words, no images, no trackers. */
export function updateMail(language: Language, u: UpdateContent): ComposedMail {
  const en = language === 'en'
  const leave = u.unsubscribe
    ? [
        {
          paragraph: en
            ? 'You receive this because you subscribed to the initiative’s updates or asked ' +
              'for them when you signed its declaration. One click ends them:'
            : 'Sie erhalten diese E-Mail, weil Sie die Neuigkeiten der Initiative abonniert oder ' +
              'bei Ihrer Unterschrift gewünscht haben. Ein Klick beendet das:',
        },
        { link: u.unsubscribe, label: en ? 'Unsubscribe' : 'Abmelden' },
      ]
    : [
        {
          paragraph: en
            ? 'This is a test: subscribers find a link to unsubscribe here.'
            : 'Dies ist ein Test: Hier finden Abonnent:innen einen Link zum Abmelden.',
        },
      ]
  return composeMail(language, u.subject, [
    ...paragraphs(u.body),
    ...(u.readMore
      ? [{ link: u.readMore, label: en ? 'Read on the portal' : 'Weiterlesen im Portal' }]
      : []),
    ...leave,
  ])
}
