/**
 * Dates in the admin follow its language, one format per language everywhere: German
 * `05.12.2026, 07:35`, English `Dec 5, 2026, 7:35 AM`, in Payload's own dates (last modified,
 * versions), the documents' date fields and their pickers, and the dashboard.
 */
import config from '@payload-config'
import type { I18nClient } from '@payloadcms/translations'
import { format, parse } from 'date-fns'
import type { DateField, Field } from 'payload'

import { formatDateTime } from '@/cms/i18n/dateLocales'

import { i18nFor, type Language } from '../helpers/adminStrings'

let i18n: Record<Language, I18nClient>
beforeAll(async () => {
  i18n = await i18nFor(await config)
})

const moment = new Date(2026, 11, 5, 7, 35)
const expected = { de: '05.12.2026, 07:35', en: 'Dec 5, 2026, 7:35 AM' }
const dayOnly = { de: '05.12.2026', en: 'Dec 5, 2026' }

const dateField = async (collection: string, name: string) =>
  (await config).collections
    .find((c) => c.slug === collection)!
    .fields.find((f: Field) => 'name' in f && f.name === name) as DateField

test.each(['de', 'en'] as const)(
  "Payload's own dates and the date fields read right (%s)",
  async (language) => {
    const locale = i18n[language].dateFNS
    const write = (pattern: string) => format(moment, pattern, { locale })
    expect(write((await config).admin.dateFormat)).toBe(expected[language])
    // News are published at a day and time; signatures are dated to the day.
    const publishedAt = (await dateField('news', 'publishedAt')).admin?.date?.displayFormat
    expect(write(publishedAt!)).toBe(expected[language])
    // Every date field of every collection, Payload's own (createdAt, …) included.
    const sanitized = await config
    const written = sanitized.collections.flatMap((c) =>
      c.fields.flatMap((f) =>
        f.type === 'date'
          ? [write(f.admin?.date?.displayFormat ?? sanitized.admin.dateFormat)]
          : [],
      ),
    )
    expect(new Set(written)).toEqual(new Set([expected[language], dayOnly[language]]))
    expect(write('P')).toBe(dayOnly[language])
    // The date picker reads back what it shows.
    expect(parse(expected[language], publishedAt!, new Date(), { locale })).toEqual(moment)
  },
)

test.each(['de', 'en'] as const)('the dashboard writes dates the same way (%s)', (language) => {
  expect(
    formatDateTime(
      language,
      moment.toISOString(),
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    ),
  ).toBe(expected[language])
})
