import type { NextFunction, Request, Response } from 'express'

import { memoisedPostRead } from '@/readCache/readMemo'

import type { EdgeLimits } from '../../edge/rateLimits'
import { isJson, readGraphQLBody, sendWebResponse, type GraphQLHandlers } from './graphqlExchange'
import { identityOf } from '../../edge/identity'
import { absoluteUrl, webRequest } from '../../readCache/serve/requestParts'

/**
 * Anonymous GraphQL requests without the read cache (READ_CACHE_MAX_BYTES=0): answered here with
 * the route's own handlers, as the cache answers its misses, instead of through Next's router,
 * which adds its request handling (routing, request context, stream adapters) to every request
 * and nothing the answer depends on. The same scope and the same limits as the cache, so the
 * configurations differ in caching only: requests of logged-in users, and other methods, go to
 * Next.
 */
export function graphqlDirect(graphql: GraphQLHandlers, limits: EdgeLimits, origin: string) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.path !== '/api/graphql' || identityOf(req).user) return next()
    const url = absoluteUrl(req, origin)
    if (!url) return next()
    let response: globalThis.Response
    if (req.method === 'POST' && isJson(req.get('content-type'))) {
      const body = await readGraphQLBody(req, res)
      if (!body) return
      const read = memoisedPostRead(body, url.search, () => '')
      const admitted =
        !read.cacheable && read.reason === 'mutation'
          ? await limits.admitPublicWrite(req, res)
          : await limits.admitUncached(req, res)
      if (!admitted) return
      response = await graphql.POST(webRequest(req, url, 'POST', body))
    } else if (req.method === 'GET') {
      if (!(await limits.admitUncached(req, res))) return
      response = await graphql.GET(webRequest(req, url, 'GET'))
    } else return next()
    sendWebResponse(res, response, Buffer.from(await response.arrayBuffer()))
  }
}
