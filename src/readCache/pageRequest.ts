import { isSigningFormPage } from '@/cms/signatures/signingStep'
import { pageQueries, type QueryPage } from '@/web/pageQueries'
import { locales } from '@/core/locales'

import { canonicalJson } from './canonicalJson'
import type { Partition } from '../data/changes/changeLog'
import type { HeaderGetter } from './varyingHeaders'

export type PageRead =
  { cacheable: true; key: string; partition: Partition } | { cacheable: false; reason: string }

/**
 * Never cached: the admin, the REST API (GraphQL has its own rules), Next's assets (Next serves
 * them with their own immutable caching), its internals, and previews.
 */
const NEVER = [
  /^\/admin(\/|$)/,
  /^\/api(\/|$)/,
  /^\/_next(\/|$)/,
  /^\/__next/,
  /^\/preview/,
  // The confirm and withdraw pages: they carry one signer's token. The signing form is cached
  // (its stamp and challenge are filled in per answer, src/edge/formFill.ts), and so is the page
  // after signing, the same words for everyone.
  new RegExp(`^/(${locales.map((l) => l.code).join('|')})/declaration/(confirm|withdraw)(/|$)`),
  // The subscription's steps: the confirm and unsubscribe pages carry one subscriber's token,
  // the subscribe page says how one request went.
  new RegExp(`^/(${locales.map((l) => l.code).join('|')})/updates(/|$)`),
]

/**
 * The signing form shown again after a refused post without JavaScript: it names the problems
 * and holds what was typed (from a cookie), for that signer only.
 */
const REFUSED_FORM = ['error', 'fields']

/** Query parameters that switch a page into preview or draft mode. */
const PREVIEW_PARAMS = ['preview', 'draft', 'secret', 'token', '__nextDraftMode']

/** Headers that mark a request as Next talking to itself (server actions, revalidation, …). */
export const NEXT_INTERNAL = [
  'next-action',
  'x-prerender-revalidate',
  'x-middleware-subrequest',
  'x-middleware-prefetch',
  'x-nextjs-data',
] as const

/**
 * Request headers a page's answer varies on, all part of the key, as `pageHeaders` normalises
 * them: what the App Router sends to get an RSC payload instead of HTML (so a client-side
 * navigation never gets a full page, nor the reverse), and the encoding Next compresses with.
 * Anything else the response's `Vary` names is checked on each hit as well.
 */
export const PAGE_KEY_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'accept-encoding',
] as const

const LIST_PAGE = new RegExp(`^/(${locales.map((l) => l.code).join('|')})/([^/]+)$`)
const SEARCH_PAGE = new RegExp(`^/(${locales.map((l) => l.code).join('|')})/search$`)

function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path).replace(/\/{2,}/g, '/')
  } catch {
    return null
  }
}

/**
 * The query a page's answer depends on: the parameters that page reads (src/web/
 * pageQueries.ts), each with the one value it reads (the first, trimmed), in a fixed order.
 * Every other parameter, and every other page's whole query string, changes nothing it shows.
 */
export function pageQueryKey(path: string, search: URLSearchParams): [string, string][] {
  const page = LIST_PAGE.exec(path)?.[2]
  if (!page || !(page in pageQueries)) return []
  const own: [string, string][] = []
  for (const name of pageQueries[page as QueryPage]) {
    const value = search.get(name)?.trim()
    if (value) own.push([name, value])
  }
  return own
}

/** Whether a GET (or HEAD) for a page may be answered from, or stored in, the cache. */
export function pageRead(url: string, header: HeaderGetter): PageRead {
  const queryAt = url.indexOf('?')
  const path = queryAt < 0 ? url : url.slice(0, queryAt)
  const decoded = decodedPath(path)
  if (decoded === null) return { cacheable: false, reason: 'malformed path' }
  if (NEVER.some((pattern) => pattern.test(decoded))) return { cacheable: false, reason: 'path' }
  const search = new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1))
  if (PREVIEW_PARAMS.some((name) => search.has(name))) {
    return { cacheable: false, reason: 'preview parameter' }
  }
  if (isSigningFormPage(decoded)) {
    if (REFUSED_FORM.some((name) => search.has(name))) {
      return { cacheable: false, reason: 'refused form' }
    }
    // Only the path the edge fills in (src/edge/formFill.ts), never a spelling of it it does not
    // see (`/de/declaration/%73ign`), whose answer would keep its placeholders.
    if (!isSigningFormPage(path)) return { cacheable: false, reason: 'encoded signing form path' }
  }
  if (NEXT_INTERNAL.some((name) => header(name) !== '')) {
    return { cacheable: false, reason: 'internal Next request' }
  }
  return {
    cacheable: true,
    key: canonicalJson(['page', path, pageQueryKey(path, search), ...PAGE_KEY_HEADERS.map(header)]),
    partition: SEARCH_PAGE.test(path) ? 'search' : 'main',
  }
}
