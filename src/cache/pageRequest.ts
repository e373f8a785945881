import { canonicalJson } from './canonicalJson'

export type PageRead = { cacheable: true; key: string } | { cacheable: false; reason: string }

/**
 * Never cached: the admin, the REST API (GraphQL has its own rules), Next's assets (Next serves
 * them with their own immutable caching), its internals, and previews.
 */
const NEVER = [/^\/admin(\/|$)/, /^\/api(\/|$)/, /^\/_next(\/|$)/, /^\/__next/, /^\/preview/]

/** Query parameters that switch a page into preview or draft mode. */
const PREVIEW_PARAMS = ['preview', 'draft', 'secret', 'token', '__nextDraftMode']

/** Headers that mark a request as Next talking to itself (server actions, revalidation, …). */
const NEXT_INTERNAL = [
  'next-action',
  'x-prerender-revalidate',
  'x-middleware-subrequest',
  'x-middleware-prefetch',
  'x-nextjs-data',
]

/**
 * Request headers a page's answer varies on, all part of the key: the host it was asked for, and
 * what the App Router sends to get an RSC payload instead of HTML (so a client-side navigation
 * never gets a full page, nor the reverse), and the encoding Next may compress with. Anything
 * else the response's `Vary` names is checked on each hit as well.
 */
export const PAGE_KEY_HEADERS = [
  'host',
  'x-forwarded-host',
  'x-forwarded-proto',
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'accept-encoding',
] as const

function decodedPath(url: string): string | null {
  const pathname = url.split('?', 1)[0]!
  try {
    return decodeURIComponent(pathname).replace(/\/{2,}/g, '/')
  } catch {
    return null
  }
}

/** Whether a GET (or HEAD) for a page may be answered from, or stored in, the cache. */
export function pageRead(url: string, header: (name: string) => string): PageRead {
  const path = decodedPath(url)
  if (path === null) return { cacheable: false, reason: 'malformed path' }
  if (NEVER.some((pattern) => pattern.test(path))) return { cacheable: false, reason: 'path' }
  const search = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '')
  if (PREVIEW_PARAMS.some((name) => search.has(name))) {
    return { cacheable: false, reason: 'preview parameter' }
  }
  if (NEXT_INTERNAL.some((name) => header(name) !== '')) {
    return { cacheable: false, reason: 'internal Next request' }
  }
  return { cacheable: true, key: canonicalJson(['page', url, ...PAGE_KEY_HEADERS.map(header)]) }
}
