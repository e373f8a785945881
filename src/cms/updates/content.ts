import type { Payload } from 'payload'

import { paths } from '@/cms/documentPaths'
import { defaultLocale, type Locale } from '@/core/locales'
import { languages } from '@/operations/mail/recipientLanguage'

/** What one language of an update says (before the subscriber's own unsubscribe link). */
export type UpdateText = { subject: string; body: string; readMore: string | null }

type Localized = Partial<Record<Locale, string | null>> | string | null | undefined

const inLocale = (value: Localized, locale: Locale): string => {
  if (typeof value === 'string') return value
  return value?.[locale]?.trim() ? value[locale]!.trim() : ''
}

/**
 * An update in every language, each falling back to German where its own subject or text is
 * missing: a subscriber always gets the language they subscribed in, or German.
 */
export async function readUpdateTexts(
  payload: Payload,
  id: string | number,
  serverUrl: string,
): Promise<Record<Locale, UpdateText> | null> {
  const update = await payload.findByID({
    collection: 'updates',
    id,
    locale: 'all',
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!update) return null
  const newsId = update.news
  const news = newsId
    ? await payload.findByID({
        collection: 'news',
        id: typeof newsId === 'object' ? newsId.id : newsId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        select: { slug: true },
      })
    : null
  const texts = {} as Record<Locale, UpdateText>
  for (const locale of languages) {
    const own =
      inLocale(update.subject as Localized, locale) && inLocale(update.body as Localized, locale)
    const from = own ? locale : defaultLocale
    texts[locale] = {
      subject: inLocale(update.subject as Localized, from),
      body: inLocale(update.body as Localized, from),
      readMore: news?.slug ? `${serverUrl}${paths.newsItem(from, news.slug)}` : null,
    }
  }
  return texts
}
