import crypto from 'node:crypto'

import { isLocale } from '@/core/locales'

/**
 * Preview links: the admin builds `/preview?path=…&token=…`, where the token is an HMAC of the
 * path with PREVIEW_SECRET. The route turns on Next's draft mode only for such links and only for
 * a signed-in user; what a preview then shows is still decided by that user's own access (a
 * partner sees drafts of their own projects only), because pages query GraphQL with their token.
 */

/** Portal paths only (`/de`, `/en/news/x`): never another host or an odd scheme. */
export function isPortalPath(path: string | null | undefined): path is string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return false
  return isLocale(path.split(/[/?#]/)[1])
}

function sign(path: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(`preview:${path}`).digest('base64url')
}

export function previewUrl(path: string, secret: string): string {
  return `/preview?path=${encodeURIComponent(path)}&token=${sign(path, secret)}`
}

export function verifyPreview(path: string, token: string | null, secret: string): boolean {
  if (!token) return false
  const expected = Buffer.from(sign(path, secret))
  const given = Buffer.from(token)
  return expected.length === given.length && crypto.timingSafeEqual(expected, given)
}

/** Where a document of a collection is shown on the portal, or null when it has no page. */
export function documentPath(
  collection: string,
  locale: string | undefined,
  slug: string | null | undefined,
): string | null {
  if (!slug) return null
  const code = isLocale(locale) ? locale : 'de'
  const folder: Record<string, string> = {
    news: 'news',
    projects: 'projects',
    people: 'people',
    events: 'events',
  }
  const segment = folder[collection]
  return segment ? `/${code}/${segment}/${encodeURIComponent(slug)}` : null
}
