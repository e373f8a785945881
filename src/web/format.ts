import type { Locale } from '@/core/locales'

// The initiative is based in Berlin: dates and times are shown in its time zone.
const timeZone = 'Europe/Berlin'
const tag = (locale: Locale) => (locale === 'de' ? 'de-DE' : 'en-GB')

export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeZone }).format(new Date(iso))
}

export function formatDateTime(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return ''
  return new Intl.DateTimeFormat(tag(locale), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso))
}

/** "17. – 18. November 2025" style ranges, or one date when start and end share a day. */
export function formatRange(
  locale: Locale,
  start: string | null | undefined,
  end: string | null | undefined,
): string {
  if (!start) return ''
  if (!end) return formatDateTime(locale, start)
  const format = new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeZone })
  return format.formatRange(new Date(start), new Date(end))
}
