import type { Language } from './adminStrings'

/**
 * Dates and times written the other language's way. The admin and the mails use one format per
 * language: German `05.12.2026, 07:35`, English `Dec 5, 2026, 7:35 AM`. A slash date
 * (`12/05/2026`) is neither, and reads as a different day to half the readers.
 */
const months = {
  de: 'Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan\\.|Feb\\.|Mär\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Okt\\.|Nov\\.|Dez\\.',
  en: 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec',
}

const foreignDate: Record<Language, RegExp[]> = {
  // On a German page: English month names, a month before its day, AM/PM.
  de: [
    new RegExp(`\\b(?:${months.en})\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}\\b`),
    new RegExp(`\\b(?:${months.de}) \\d{1,2}\\.? \\d{4}\\b`),
    /\b\d{1,2}:\d{2}(?::\d{2})? ?(?:AM|PM|am|pm|vorm\.|nachm\.)/,
    /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/,
  ],
  // On an English page: German day-first numbers or month names, "Uhr", vorm./nachm.
  en: [
    /\b\d{1,2}\.\d{1,2}\.\d{2,4}\b/,
    new RegExp(`\\d{1,2}\\. (?:${months.de})`),
    /\b(?:Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember)\b/,
    /\b\d{1,2}:\d{2} (?:Uhr|vorm\.|nachm\.)/,
    /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/,
  ],
}

/** The texts among `texts` that hold a date or time in the other language's format. */
export function foreignDates(texts: string[], language: Language): string[] {
  return texts.filter((text) => foreignDate[language].some((pattern) => pattern.test(text)))
}
