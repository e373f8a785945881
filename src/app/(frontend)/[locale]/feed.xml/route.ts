import { notFound } from 'next/navigation'

import { anonymousApi } from '@/web/api'
import { isLocale, t } from '@/web/i18n'
import { paths } from '@/cms/documentPaths'
import { siteUrl } from '@/web/seo'
import { xml } from '@/web/xml'
import { NewsFeedDocument } from '@/graphql/generated'

export const dynamic = 'force-dynamic'

/**
 * The news as an Atom 1.0 feed (RFC 4287) per locale: the 20 newest published items, each with
 * a stable id (its German/English URL), title, dates, summary, authors and link.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ locale: string }> },
): Promise<Response> {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const words = t(locale)
  const base = siteUrl()
  // Always anonymous: feed readers are the public.
  const client = anonymousApi(locale)
  const { News } = await client.request(NewsFeedDocument, {})
  const items = (News?.docs ?? []).filter((item) => item.slug)
  const updated =
    items
      .map((item) => item.updatedAt ?? item.publishedAt)
      .filter((date): date is string => Boolean(date))
      .sort()
      .at(-1) ?? new Date(0).toISOString()

  const entries = items.map((item) => {
    const url = `${base}${paths.newsItem(locale, item.slug as string)}`
    const authors = (item.authors ?? [])
      .filter((author) => author.name)
      .map((author) => `<author><name>${xml(author.name)}</name></author>`)
      .join('')
    const categories = (item.tags ?? []).map((tag) => `<category term="${xml(tag)}"/>`).join('')
    return [
      '<entry>',
      `<id>${xml(url)}</id>`,
      `<title>${xml(item.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xml(url)}"/>`,
      item.publishedAt ? `<published>${xml(item.publishedAt)}</published>` : '',
      `<updated>${xml(item.updatedAt ?? item.publishedAt ?? updated)}</updated>`,
      authors,
      categories,
      item.excerpt ? `<summary>${xml(item.excerpt)}</summary>` : '',
      '</entry>',
    ].join('')
  })

  const self = `${base}${paths.feed(locale)}`
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `<id>${xml(self)}</id>`,
    `<title>${xml(`${words.siteName} – ${words.news}`)}</title>`,
    `<updated>${xml(updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(`${base}${paths.news(locale)}`)}"/>`,
    // Atom needs an author for entries that name none: the initiative itself.
    `<author><name>${xml(words.siteName)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } })
}
