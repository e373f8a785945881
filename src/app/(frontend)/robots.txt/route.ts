import { siteUrl } from '@/web/seo'

export const dynamic = 'force-dynamic'

/** Crawlers may read the portal, not the admin, the API or previews; the sitemap lists the rest. */
export function GET(): Response {
  const body = [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /api/',
    'Disallow: /preview',
    '',
    `Sitemap: ${siteUrl()}/sitemap.xml`,
    '',
  ].join('\n')
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
