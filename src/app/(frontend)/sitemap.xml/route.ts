import { anonymousApi } from '@/web/api'
import { paths } from '@/cms/documentPaths'
import { siteUrl } from '@/web/seo'
import { xml } from '@/web/xml'
import { SitemapPageDocument } from '@/graphql/generated'
import { locales } from '@/core/locales'

export const dynamic = 'force-dynamic'

type Entry = { path: string; updatedAt?: string | null }

// Guards against a runaway loop; 500 pages of 100 are 50,000 URLs, the sitemap format's limit.
const MAX_PAGES = 500

/** Every published document with a page, and the list pages (what the public can read). */
async function entries(): Promise<Entry[]> {
  const list: Entry[] = [
    { path: '' },
    { path: '/declaration' },
    { path: '/news' },
    { path: '/projects' },
    { path: '/people' },
    { path: '/organizations' },
    { path: '/events' },
  ]
  // Anonymous, like any crawler: the public's access rules decide what is listed.
  const client = anonymousApi('de')
  for (let page = 1; page <= MAX_PAGES; page++) {
    const data = await client.request(SitemapPageDocument, { page })
    const groups = [
      { folder: 'news', result: data.News },
      { folder: 'projects', result: data.Projects },
      { folder: 'people', result: data.People },
      { folder: 'events', result: data.Events },
    ]
    for (const { folder, result } of groups) {
      for (const doc of result?.docs ?? []) {
        if (doc.slug)
          list.push({
            path: `/${folder}/${encodeURIComponent(doc.slug)}`,
            updatedAt: doc.updatedAt,
          })
      }
    }
    if (!groups.some(({ result }) => result?.hasNextPage)) break
  }
  return list
}

/** sitemap.xml with both locales of every page and hreflang alternates, built per request. */
export async function GET(): Promise<Response> {
  const base = siteUrl()
  const urls = (await entries()).flatMap(({ path, updatedAt }) =>
    locales.map(({ code }) => {
      const alternates = locales
        .map(
          (other) =>
            `<xhtml:link rel="alternate" hreflang="${other.code}" href="${xml(`${base}/${other.code}${path}`)}"/>`,
        )
        .join('')
      const lastmod = updatedAt ? `<lastmod>${xml(updatedAt)}</lastmod>` : ''
      return `<url><loc>${xml(`${base}${paths.home(code)}${path}`)}</loc>${lastmod}${alternates}</url>`
    }),
  )
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ' +
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' +
    urls.join('\n') +
    '\n</urlset>\n'
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
