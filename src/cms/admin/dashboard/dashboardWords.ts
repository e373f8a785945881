import { getTranslation, type I18nClient } from '@payloadcms/translations'
import type { Payload } from 'payload'

import { formatDateTime } from '@/cms/i18n/dateLocales'
import { translate } from '@/cms/i18n/translate'

/** What both dashboards say things with: the admin's words, dates, collection names and links. */
export function dashboardWords(payload: Payload, i18n: I18nClient) {
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, unknown>) =>
    translate(i18n, key, values)
  const date = (iso: string | null) => (iso ? formatDateTime(i18n.language, iso) : '')
  const named = (slug: string, form: 'singular' | 'plural' = 'singular') => {
    const labels = payload.collections[slug as 'news']?.config.labels
    return labels ? getTranslation(labels[form], i18n) : slug
  }
  const singular = (slug: string) => named(slug)
  const docHref = (collection: string, id: string) => `/admin/collections/${collection}/${id}`
  return { t, date, named, singular, docHref, i18n }
}
export type DashboardWords = ReturnType<typeof dashboardWords>
