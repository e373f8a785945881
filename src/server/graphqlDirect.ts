import type { NextFunction, Request, Response } from 'express'

import { isJson, readGraphQLBody, sendWebResponse, type GraphQLHandlers } from './graphqlExchange'
import { absoluteUrl, webRequest } from './readCache/requestParts'

/**
 * Anonymous GraphQL requests without the read cache (READ_CACHE_MAX_BYTES=0): answered here with
 * the route's own handlers, as the cache answers its misses, instead of through Next's router,
 * which adds its request handling (routing, request context, stream adapters) to every request
 * and nothing the answer depends on. The same scope as the cache, so the configurations differ in
 * caching only: requests with credentials, uploads (non-JSON bodies) and other methods go to Next.
 */
export function graphqlDirect(graphql: GraphQLHandlers, credentials: (req: Request) => boolean) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.path !== '/api/graphql' || credentials(req)) return next()
    const url = absoluteUrl(req)
    if (!url) return next()
    let response: globalThis.Response
    if (req.method === 'POST' && isJson(req.get('content-type'))) {
      const body = await readGraphQLBody(req, res)
      if (!body) return
      response = await graphql.POST(webRequest(req, url, 'POST', body))
    } else if (req.method === 'GET') {
      response = await graphql.GET(webRequest(req, url, 'GET'))
    } else return next()
    sendWebResponse(res, response, Buffer.from(await response.arrayBuffer()))
  }
}
