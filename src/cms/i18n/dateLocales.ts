import type { FormatLong, Locale } from 'date-fns'
import { de } from 'date-fns/locale/de'
import { enUS } from 'date-fns/locale/en-US'

import { processSingleton } from '@/core/processSingleton'

/**
 * One way of writing a date per admin language, everywhere: German `05.12.2026, 07:35`, English
 * `Dec 5, 2026, 7:35 AM` (as `Intl.DateTimeFormat`'s medium date and short time write them).
 *
 * Payload takes one date-fns pattern for every language (`admin.dateFormat`, a field's
 * `admin.date.displayFormat`) and formats it with the date-fns locale of the admin language. Its
 * localized tokens (`P` a date, `p` a time, `Pp` both) come close, but date-fns's short English
 * date is the US `12/05/2026` (a German reader sees 12 May) and its German date and time lack the
 * comma. So the short formats of the two locales Payload loads are set here, once per module
 * instance: imported by the config (server) and by the admin's `DateLocales` provider (browser),
 * before anything is formatted. The date picker formats and parses with the same locale.
 */
export const adminDateTimeFormat = 'Pp'
export const adminDateFormat = 'P'
export const adminTimeFormat = 'p'

type Short = { date?: string; dateTime?: string }

/** Locale objects already adjusted, whichever module instance adjusted them. */
const adjusted = processSingleton('date-locales-adjusted', () => new WeakSet<Locale>())

function adjustShortFormats(locale: Locale, short: Short): void {
  if (adjusted.has(locale) || !locale.formatLong) return
  const base: FormatLong = locale.formatLong
  locale.formatLong = {
    date: (options) => (options?.width === 'short' && short.date) || base.date(options),
    time: base.time,
    dateTime: (options) => (options?.width === 'short' && short.dateTime) || base.dateTime(options),
  }
  adjusted.add(locale)
}

adjustShortFormats(de, { dateTime: '{{date}}, {{time}}' })
adjustShortFormats(enUS, { date: 'MMM d, y' })

/** The same format outside date-fns (dashboard, mails): medium date, short time. */
export function formatDateTime(language: string, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-US' : 'de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso))
}
