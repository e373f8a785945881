import { composeMail, type ComposedMail } from '../compose'
import type { Language } from '../recipientLanguage'
import { greeting } from './greeting'
import { reviewedDocument, type ReviewedKind } from './reviewedDocument'

export type Submission = {
  editorName?: string | null
  kind: ReviewedKind
  title: string
  submitterName?: string | null
  link: string
}

/** To each editor: a partner submitted a project (or a person entry) for review. */
export function reviewSubmittedMail(language: Language, submission: Submission): ComposedMail {
  const { title, link } = submission
  const document = reviewedDocument(language, submission.kind, title)
  if (language === 'en') {
    const who = submission.submitterName?.trim() || 'A partner'
    return composeMail(language, `For review: ${title}`, [
      { paragraph: greeting(language, submission.editorName) },
      { paragraph: `${who} submitted ${document.accusative} for review.` },
      { link, label: document.review },
      { paragraph: 'All submissions wait in the review queue on the dashboard.' },
    ])
  }
  const who = submission.submitterName?.trim() || 'Ein Partner'
  return composeMail(language, `Zur Prüfung: ${title}`, [
    { paragraph: greeting(language, submission.editorName) },
    { paragraph: `${who} hat ${document.accusative} zur Prüfung eingereicht.` },
    { link, label: document.review },
    { paragraph: 'Alle Einreichungen stehen in der Prüfliste auf dem Dashboard.' },
  ])
}
