'use client'

import { useTranslation } from '@payloadcms/ui'
import { de } from 'date-fns/locale/de'
import { enUS } from 'date-fns/locale/en-US'
import type { ReactNode } from 'react'
import { registerLocale, setDefaultLocale } from 'react-datepicker'

// Sets the short date formats of the admin languages before anything is formatted (see there).
import '@/cms/i18n/dateLocales'

/** The names Payload's DatePicker registers the admin languages under (getFormattedLocale). */
const pickerLocales = { de: ['de', de], en: ['enUS', enUS] } as const

/**
 * Around the whole admin (`admin.components.providers`). Payload's date picker tells its library
 * (react-datepicker) the admin language only in an effect, after its first render, so a date
 * field first showed its value in the library's own US English (`11/17/2025, 2:00 PM`) on a
 * German page, until something re-rendered it. Set here before any field renders, on the server
 * and in the browser alike, so the first render and the hydration agree.
 */
export function DateLocales({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  const [name, locale] = pickerLocales[i18n.language === 'en' ? 'en' : 'de']
  registerLocale(name, locale)
  setDefaultLocale(name)
  return children
}
