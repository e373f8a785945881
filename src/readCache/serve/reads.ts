import type { Request } from 'express'
import type { IncomingHttpHeaders } from 'node:http'

import { identityOf } from '@/core/requestIdentity'
import type { Partition } from '@/data/changes/changeLog'
import { graphqlCallOf } from '@/graphql/http/callSlot'

import { GRAPHQL_VARY, graphqlRead } from '../graphqlKey'
import { pageRead } from '../pageRequest'
import { graphqlHeaders, pageHeaders, type HeaderGetter } from '../varyingHeaders'

/** A request the cache may answer or store: its key, and the headers its answer varies on. */
export type CacheableRead = {
  key: string
  partition: Partition
  header: HeaderGetter
  /** Request headers the answer varies on whatever the handler declares (GraphQL's CORS, Accept). */
  alwaysVary: readonly string[]
}

/** A request header as one string ('' when absent), as cache keys and `Vary` checks need it. */
function headerOf(headers: IncomingHttpHeaders): HeaderGetter {
  return (name) => {
    const value = headers[name]
    return Array.isArray(value) ? value.join(', ') : (value ?? '')
  }
}

/**
 * What the cache makes of a request: an anonymous GraphQL read that the edge has read
 * (src/edge/graphqlCall.ts), or an anonymous GET of a public page (when pages are cached); null
 * for everything else, which passes by.
 */
export function cacheableRead(
  req: Request,
  options: { pages: boolean; allowedOrigins: readonly string[] },
): CacheableRead | null {
  if (req.path === '/api/graphql') {
    const call = graphqlCallOf(req)
    if (!call) return null
    const header = graphqlHeaders(headerOf(req.headers), options.allowedOrigins)
    const read = graphqlRead(call, header)
    return read.cacheable ? { ...read, header, alwaysVary: GRAPHQL_VARY } : null
  }
  if (!options.pages || (req.method !== 'GET' && req.method !== 'HEAD')) return null
  // A page shows drafts only in Next's draft mode; a login alone changes nothing on it.
  if (identityOf(req).draftMode) return null
  // A copy: Next deletes request headers it has read (RSC), and the `Vary` values stored at the
  // end must be the ones that came in.
  const header = pageHeaders(headerOf({ ...req.headers }))
  const read = pageRead(req.originalUrl, header)
  return read.cacheable ? { ...read, header, alwaysVary: [] } : null
}
