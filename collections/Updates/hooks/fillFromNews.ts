import type { CollectionBeforeChangeHook } from 'payload'

import { asLanguage } from '@/operations/mail/recipientLanguage'

/**
 * Turns a published news item into an update: where the subject or text of the locale being
 * edited is empty, they take the item's title and excerpt in that locale (the mail links to the
 * item). Switching the admin to the other language and saving fills that one the same way.
 */
export const fillFromNews: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const newsId = data.news ?? originalDoc?.news
  if (!newsId || (data.subject && data.body)) return data
  const locale = asLanguage(req.locale)
  const news = await req.payload.findByID({
    collection: 'news',
    id: typeof newsId === 'object' ? newsId.id : newsId,
    locale,
    fallbackLocale: false,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
    disableErrors: true,
    select: { title: true, excerpt: true },
  })
  if (!news) return data
  return {
    ...data,
    subject: data.subject || news.title || data.subject,
    body: data.body || news.excerpt || news.title || data.body,
  }
}
