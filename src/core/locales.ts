/**
 * German first: the default locale and the fallback for missing English text. `label` names each
 * language in itself (the portal's language switch); `adminLabel` names it in the admin's
 * language (the admin's content-locale switch).
 */
export const locales = [
  { code: 'de', label: 'Deutsch', adminLabel: { de: 'Deutsch', en: 'German' } },
  { code: 'en', label: 'English', adminLabel: { de: 'Englisch', en: 'English' } },
] as const

export type Locale = (typeof locales)[number]['code']
export const defaultLocale: Locale = 'de'

export function isLocale(value: string | undefined): value is Locale {
  return locales.some((locale) => locale.code === value)
}
