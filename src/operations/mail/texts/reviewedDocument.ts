import type { Language } from '../recipientLanguage'

/** The kinds of documents partners submit for review. */
export type ReviewedKind = 'projects' | 'people'

/** How a review mail names the document, with the article and case each sentence needs. */
export function reviewedDocument(
  language: Language,
  kind: ReviewedKind,
  title: string,
): { accusative: string; changesTo: string; open: string; review: string } {
  if (language === 'en') {
    const noun = kind === 'projects' ? 'project' : 'person entry'
    return {
      accusative: `the ${noun} “${title}”`,
      changesTo: `to the ${noun} “${title}”`,
      open: `Open the ${noun}`,
      review: `Review the ${noun}`,
    }
  }
  return kind === 'projects'
    ? {
        accusative: `das Projekt „${title}“`,
        changesTo: `am Projekt „${title}“`,
        open: 'Projekt öffnen',
        review: 'Projekt prüfen',
      }
    : {
        accusative: `den Personeneintrag „${title}“`,
        changesTo: `am Personeneintrag „${title}“`,
        open: 'Personeneintrag öffnen',
        review: 'Personeneintrag prüfen',
      }
}
