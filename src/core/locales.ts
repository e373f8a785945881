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

/**
 * The portal locale an `Accept-Language` header ranks first (q-values respected, then order), or
 * null when it names none of them (`*`, other languages, no header).
 */
export function acceptedLocale(header: string | null | undefined): Locale | null {
  if (!header) return null
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index }
    })
    .filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0]
    if (isLocale(primary)) return primary
  }
  return null
}
