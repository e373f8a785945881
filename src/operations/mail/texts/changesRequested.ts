import { composeMail, type ComposedMail } from '../compose'
import type { Language } from '../recipientLanguage'
import { greeting } from './greeting'
import { reviewedDocument, type ReviewedKind } from './reviewedDocument'

export type ChangeRequest = {
  partnerName?: string | null
  kind: ReviewedKind
  title: string
  note: string
  link: string
}

/** To the partner who submitted: the editors send the project (or person entry) back with a note. */
export function changesRequestedMail(language: Language, request: ChangeRequest): ComposedMail {
  const { title, note, link } = request
  const document = reviewedDocument(language, request.kind, title)
  if (language === 'en') {
    return composeMail(language, `Changes requested: ${title}`, [
      { paragraph: greeting(language, request.partnerName) },
      { paragraph: `The editors ask for changes ${document.changesTo}:` },
      { quote: note },
      { paragraph: 'Please revise the draft and submit it for review again.' },
      { link, label: document.open },
    ])
  }
  return composeMail(language, `Änderungen erbeten: ${title}`, [
    { paragraph: greeting(language, request.partnerName) },
    { paragraph: `die Redaktion bittet um Änderungen ${document.changesTo}:` },
    { quote: note },
    { paragraph: 'Bitte überarbeiten Sie den Entwurf und reichen Sie ihn erneut zur Prüfung ein.' },
    { link, label: document.open },
  ])
}
