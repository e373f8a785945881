import { anonymousApi } from '@/web/api'
import { siteUrl } from '@/web/seo'
import { sitemapPart, urlset } from '@/web/sitemap'

export const dynamic = 'force-dynamic'

/** One part of the sitemap (`/sitemap/news-2025-03.xml`): both locales of each of its pages. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ part: string }> },
): Promise<Response> {
  const { part } = await params
  const name = /^(.+)\.xml$/.exec(part)?.[1]
  const entries = name ? await sitemapPart(anonymousApi('de'), name) : null
  if (!entries) {
    return new Response('No such sitemap part\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  return new Response(urlset(siteUrl(), entries), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  })
}
