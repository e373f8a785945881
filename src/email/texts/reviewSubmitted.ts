import { composeMail, type ComposedMail } from '../compose'
import type { Language } from '../recipientLanguage'
import { greeting } from './greeting'

export type Submission = {
  editorName?: string | null
  title: string
  submitterName?: string | null
  link: string
}

/** To each editor: a partner submitted a project for review. */
export function reviewSubmittedMail(language: Language, submission: Submission): ComposedMail {
  const { title, link } = submission
  if (language === 'en') {
    const who = submission.submitterName?.trim() || 'A partner'
    return composeMail(language, `For review: ${title}`, [
      { paragraph: greeting(language, submission.editorName) },
      { paragraph: `${who} submitted the project “${title}” for review.` },
      { link, label: 'Review the project' },
      { paragraph: 'All submissions wait in the review queue on the dashboard.' },
    ])
  }
  const who = submission.submitterName?.trim() || 'Ein Partner'
  return composeMail(language, `Zur Prüfung: ${title}`, [
    { paragraph: greeting(language, submission.editorName) },
    { paragraph: `${who} hat das Projekt „${title}“ zur Prüfung eingereicht.` },
    { link, label: 'Projekt prüfen' },
    { paragraph: 'Alle Einreichungen stehen in der Prüfliste auf dem Dashboard.' },
  ])
}
