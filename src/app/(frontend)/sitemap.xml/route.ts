import { anonymousApi } from '@/web/api'
import { paths } from '@/cms/documentPaths'
import { siteUrl } from '@/web/seo'
import { sitemapIndex, sitemapPartNames } from '@/web/sitemap'

export const dynamic = 'force-dynamic'

/**
 * sitemap.xml: an index of the sitemap's parts (src/web/sitemap.ts says how they are cut),
 * built per request from the first date of each kind of document.
 */
export async function GET(): Promise<Response> {
  const base = siteUrl()
  const names = await sitemapPartNames(anonymousApi('de'), new Date())
  const body = sitemapIndex(names.map((name) => `${base}${paths.sitemapPart(name)}`))
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}
