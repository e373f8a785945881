import { composeMail, type ComposedMail } from '../compose'
import type { Language } from '../recipientLanguage'
import { greeting } from './greeting'

export type ChangeRequest = {
  partnerName?: string | null
  title: string
  note: string
  link: string
}

/** To the partner who submitted: the editors send the project back with a note. */
export function changesRequestedMail(language: Language, request: ChangeRequest): ComposedMail {
  const { title, note, link } = request
  if (language === 'en') {
    return composeMail(language, `Changes requested: ${title}`, [
      { paragraph: greeting(language, request.partnerName) },
      { paragraph: `The editors ask for changes to the project “${title}”:` },
      { quote: note },
      { paragraph: 'Please revise the draft and submit it for review again.' },
      { link, label: 'Open the project' },
    ])
  }
  return composeMail(language, `Änderungen erbeten: ${title}`, [
    { paragraph: greeting(language, request.partnerName) },
    { paragraph: `die Redaktion bittet um Änderungen am Projekt „${title}“:` },
    { quote: note },
    { paragraph: 'Bitte überarbeiten Sie den Entwurf und reichen Sie ihn erneut zur Prüfung ein.' },
    { link, label: 'Projekt öffnen' },
  ])
}
