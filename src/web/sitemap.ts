import type { createClient } from '@/graphql/client'
import {
  SitemapEventsDocument,
  SitemapNewsDocument,
  SitemapPeopleDocument,
  SitemapProjectsDocument,
  SitemapRangeDocument,
} from '@/graphql/generated'
import { locales } from '@/core/locales'

import { xml } from './xml'

type Client = ReturnType<typeof createClient>
type Entry = { path: string; updatedAt?: string | null }
type Page =
  | {
      hasNextPage?: boolean | null
      docs?: { slug?: string | null; updatedAt?: string | null }[] | null
    }
  | null
  | undefined

/**
 * The sitemap is an index of parts, one per kind of document and month (news by the month they
 * were published, projects and people by the month they were added, events by the month they
 * start), and one of the list pages. A part reads one month through an index (docs/indexes.md),
 * so it costs what a month's documents cost, however large the archive; the index reads the
 * first date of each kind (and the last event), five bounded reads.
 */
export const sitemapKinds = {
  news: (client: Client, from: string, to: string, page: number) =>
    client.request(SitemapNewsDocument, { from, to, page }).then((data) => data.News as Page),
  projects: (client: Client, from: string, to: string, page: number) =>
    client
      .request(SitemapProjectsDocument, { from, to, page })
      .then((data) => data.Projects as Page),
  people: (client: Client, from: string, to: string, page: number) =>
    client.request(SitemapPeopleDocument, { from, to, page }).then((data) => data.People as Page),
  events: (client: Client, from: string, to: string, page: number) =>
    client.request(SitemapEventsDocument, { from, to, page }).then((data) => data.Events as Page),
} as const

export type SitemapKind = keyof typeof sitemapKinds

/** A month as `YYYY-MM` (UTC). */
type Month = { year: number; month: number }

const monthName = ({ year, month }: Month) => `${year}-${String(month).padStart(2, '0')}`
const monthOf = (date: string): Month => {
  const d = new Date(date)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 }
}
const nextMonth = ({ year, month }: Month): Month =>
  month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 }
const monthStart = ({ year, month }: Month) => new Date(Date.UTC(year, month - 1, 1)).toISOString()

/** Every month from `first` to `last`, both included. */
function months(first: Month, last: Month): Month[] {
  const list: Month[] = []
  for (let m = first; m.year * 12 + m.month <= last.year * 12 + last.month; m = nextMonth(m))
    list.push(m)
  return list
}

/** The list pages' part, and the part of each kind and month that may hold documents. */
export async function sitemapPartNames(client: Client, now: Date): Promise<string[]> {
  const range = await client.request(SitemapRangeDocument, {})
  const today = monthOf(now.toISOString())
  const from = (date: string | null | undefined, until: Month = today) =>
    date ? months(monthOf(date), until) : []
  const lastEvent = range.lastEvent?.docs?.[0]?.startsAt
  const parts: [SitemapKind, Month[]][] = [
    ['news', from(range.firstNews?.docs?.[0]?.publishedAt)],
    ['projects', from(range.firstProject?.docs?.[0]?.createdAt)],
    ['people', from(range.firstPerson?.docs?.[0]?.createdAt)],
    ['events', from(range.firstEvent?.docs?.[0]?.startsAt, lastEvent ? monthOf(lastEvent) : today)],
  ]
  return [
    'pages',
    ...parts.flatMap(([kind, list]) => list.map((month) => `${kind}-${monthName(month)}`)),
  ]
}

const listPages = ['', '/declaration', '/news', '/projects', '/people', '/organizations', '/events']

// A month of one kind, 100 documents a request: 500 requests are 50,000 documents, far beyond
// any month, and the sitemap format's limit of URLs in one file.
const MAX_PAGES = 500

/**
 * The entries of a part named `pages` or `<kind>-YYYY-MM`; null for any other name (a 404).
 * Anonymous, like any crawler: the public's access rules decide what is listed.
 */
export async function sitemapPart(client: Client, name: string): Promise<Entry[] | null> {
  if (name === 'pages') return listPages.map((path) => ({ path }))
  const match = /^(news|projects|people|events)-(\d{4})-(0[1-9]|1[0-2])$/.exec(name)
  if (!match) return null
  const kind = match[1] as SitemapKind
  const month = { year: Number(match[2]), month: Number(match[3]) }
  const [from, to] = [monthStart(month), monthStart(nextMonth(month))]
  const entries: Entry[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await sitemapKinds[kind](client, from, to, page)
    for (const doc of result?.docs ?? []) {
      if (doc.slug)
        entries.push({ path: `/${kind}/${encodeURIComponent(doc.slug)}`, updatedAt: doc.updatedAt })
    }
    if (!result?.hasNextPage) break
  }
  return entries
}

/** A `<urlset>` with both locales of each entry and `hreflang` alternates. */
export function urlset(base: string, entries: Entry[]): string {
  const urls = entries.flatMap(({ path, updatedAt }) =>
    locales.map(({ code }) => {
      const alternates = locales
        .map(
          (other) =>
            `<xhtml:link rel="alternate" hreflang="${other.code}" href="${xml(`${base}/${other.code}${path}`)}"/>`,
        )
        .join('')
      const lastmod = updatedAt ? `<lastmod>${xml(updatedAt)}</lastmod>` : ''
      return `<url><loc>${xml(`${base}/${code}${path}`)}</loc>${lastmod}${alternates}</url>`
    }),
  )
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ' +
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    urls.join('\n') +
    '\n</urlset>\n'
  )
}

/** A `<sitemapindex>` of the parts' URLs. */
export function sitemapIndex(partUrls: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    partUrls.map((url) => `<sitemap><loc>${xml(url)}</loc></sitemap>`).join('\n') +
    '\n</sitemapindex>\n'
  )
}
