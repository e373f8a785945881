import type { Language } from '../recipientLanguage'

/** The salutation of every mail to a known person. */
export const greeting = (language: Language, name: string | null | undefined): string => {
  const who = name?.trim()
  if (language === 'en') return who ? `Hello ${who},` : 'Hello,'
  return who ? `Guten Tag ${who},` : 'Guten Tag,'
}
