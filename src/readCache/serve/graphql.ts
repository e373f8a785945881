import type { NextFunction, Request, Response } from 'express'

import { NO_STORE } from '@/readCache/cacheControl'
import { etagOf } from '@/readCache/etag'
import { GRAPHQL_VARY, graphqlSearchKey, type GraphQLRead } from '@/readCache/graphqlRequest'
import { memoisedGetRead, memoisedPostRead } from '@/readCache/readMemo'
import { attributeReads } from '@/data/changes/readAttribution'
import { emptyReadSet } from '@/data/changes/readSet'
import { changedSince, currentSequence } from '@/data/changes/changeLog'
import { graphqlHeaders } from '@/readCache/varyingHeaders'

import { identityOf } from '../../edge/identity'

import {
  isJson,
  readGraphQLBody,
  sendWebResponse,
  type GraphQLHandler,
} from '../../graphql/http/graphqlExchange'
import type { ReadCacheContext } from './context'
import { absoluteUrl, headerOf, webRequest } from './requestParts'
import { sendStored, storable, varyNames, type CacheStatus } from './send'

/** A GraphQL answer worth keeping: a complete JSON 200 without errors and without cookies. */
function storableAnswer(response: globalThis.Response, body: Buffer): boolean {
  if (response.status !== 200 || !isJson(response.headers.get('content-type'))) return false
  if (response.headers.getSetCookie().length > 0) return false
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: unknown }
    return parsed.errors === undefined
  } catch {
    return false
  }
}

/** Sends a route handler's answer as it is (errors, refusals, bypassed requests). */
function sendAsIs(res: Response, response: globalThis.Response, body: Buffer, status: CacheStatus) {
  res.setHeader('X-Cache', status)
  sendWebResponse(res, response, body)
}

/**
 * Anonymous GraphQL reads, over POST and GET. The express layer answers them itself by calling the
 * portal's GraphQL route handlers (src/app/(payload)/api/graphql/route.ts) directly: to key a POST
 * it has to read the body, and after that Next could no longer read the request stream. Requests
 * with credentials, other content types and methods go to Next untouched.
 */
export async function serveGraphQL(
  req: Request,
  res: Response,
  next: NextFunction,
  context: ReadCacheContext,
): Promise<void> {
  const bypass = () => {
    res.setHeader('X-Cache', 'BYPASS')
    next()
  }
  const post = req.method === 'POST'
  if (!post && req.method !== 'GET' && req.method !== 'HEAD') return bypass()
  // A logged-in user's answer may differ from the public's: Next answers it, uncached.
  if (identityOf(req).user) return bypass()
  const url = absoluteUrl(req, context.origin)
  if (!url) return bypass()
  const header = graphqlHeaders(headerOf(req.headers), context.allowedOrigins)

  let read: GraphQLRead
  // Built only when the route must answer: a Web Request costs more than a whole cache hit.
  let request: () => globalThis.Request
  let handler: GraphQLHandler
  if (post) {
    // A body that is not JSON is refused at the edge (415); a POST without one goes to Next.
    if (!isJson(req.get('content-type'))) return bypass()
    const body = await readGraphQLBody(req, res)
    if (!body) return
    read = memoisedPostRead(body, graphqlSearchKey(url.search), header)
    request = () => webRequest(req, url, 'POST', body)
    handler = context.graphql.POST
  } else {
    read = memoisedGetRead(url, header)
    // Not ours to answer (a mutation, a draft, a malformed request): Next answers as before.
    if (!read.cacheable || read.postBody === undefined) return bypass()
    // Asked as the POST it stands for: the GET's parameters are read once, above.
    const body = Buffer.from(read.postBody)
    const target = new URL(url.pathname, url)
    request = () => webRequest(req, target, 'POST', body, 'application/json')
    handler = context.graphql.POST
  }

  if (!read.cacheable) {
    // The body is read, so this request is answered here too, but never stored.
    const admitted =
      read.reason === 'mutation'
        ? await context.limits.admitPublicWrite(req, res)
        : await context.limits.admitUncached(req, res)
    if (!admitted) return
    const response = await handler(request())
    return sendAsIs(res, response, Buffer.from(await response.arrayBuffer()), 'BYPASS')
  }

  const cache = context.caches[read.partition]
  const flightKey = `${read.partition}:${read.key}`
  let hit = cache.lookup(read.key, header)
  let endFlight = hit ? null : context.flights.lead(flightKey)
  if (!hit && !endFlight) {
    // Another request is computing this answer: wait for it rather than compute it again.
    await context.flights.follow(flightKey)
    hit = cache.lookup(read.key, header)
    if (!hit) endFlight = context.flights.lead(flightKey)
  }
  if (hit) return sendStored(req, res, hit, context.cacheControl, 'HIT')
  try {
    await answerAndStore(req, res, read, request, handler, header, context)
  } finally {
    endFlight?.()
  }
}

/** Computes a cacheable read the cache does not hold, sends it, and stores it if it may. */
async function answerAndStore(
  req: Request,
  res: Response,
  read: Extract<GraphQLRead, { cacheable: true }>,
  request: () => globalThis.Request,
  handler: GraphQLHandler,
  header: (name: string) => string,
  context: ReadCacheContext,
): Promise<void> {
  if (!(await context.limits.admitUncached(req, res))) return
  const startedAt = currentSequence()
  const reads = emptyReadSet()
  const { response, body } = await attributeReads(reads, async () => {
    const answer = await handler(request())
    return { response: answer, body: Buffer.from(await answer.arrayBuffer()) }
  })
  if (!storableAnswer(response, body)) return sendAsIs(res, response, body, 'MISS')

  // The answer varies on Origin (CORS) and Accept (media type) whatever Payload declares.
  const vary = varyNames([response.headers.get('vary'), ...GRAPHQL_VARY].filter(Boolean).join(', '))
  if (!vary) return sendAsIs(res, response, body, 'MISS')
  const headers: [string, string][] = []
  for (const [name, value] of response.headers) {
    if (storable(name) && name !== 'vary') headers.push([name, value])
  }
  headers.push(['vary', vary.join(', ')])
  const entry = {
    headers,
    body,
    etag: etagOf(body),
    vary: vary.map((name): [string, string] => [name, header(name)]),
    reads,
  }
  context.caches[read.partition].admit(read.key, entry, startedAt)
  // An answer that raced a write may hold what the write changed: nobody downstream keeps it.
  const raced = changedSince(startedAt, reads)
  sendStored(req, res, entry, raced ? NO_STORE : context.cacheControl, 'MISS')
}
