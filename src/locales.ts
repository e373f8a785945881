/** German first: the default locale and the fallback for missing English text. */
export const locales = [
  { code: 'de', label: 'Deutsch' },
  { code: 'en', label: 'English' },
] as const

export type Locale = (typeof locales)[number]['code']
export const defaultLocale: Locale = 'de'
