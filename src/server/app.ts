import express, { type Express, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { carriesCredentials } from '@/cache/credentials'

import { graphqlBodyLimit } from './graphqlBodyLimit'
import { graphqlDirect } from './graphqlDirect'
import type { GraphQLHandlers } from './graphqlExchange'
import { healthz, readyz } from './health'
import { readCache, type ReadCacheOptions } from './readCache'
import { requestContext } from './requestContext'
import { searchUnavailable } from './searchUnavailable'
import { securityHeaders } from './securityHeaders'

export type AppOptions = {
  payload: Payload
  /** Next's request handler: admin, REST, GraphQL and pages. */
  handle: (req: Request, res: Response) => unknown
  https: boolean
  isShuttingDown: () => boolean
} & (
  | {
      /**
       * The GraphQL route's handlers: anonymous GraphQL requests are answered with them here,
       * through the read cache when there is one. Left out, all GraphQL goes to Next.
       */
      graphql: GraphQLHandlers
      /** The anonymous read cache; left out (READ_CACHE_MAX_BYTES=0), nothing is cached. */
      readCache?: Omit<ReadCacheOptions, 'cookiePrefix' | 'graphql'>
    }
  | { graphql?: undefined; readCache?: undefined }
)

/**
 * The express layer in front of Next. No body parsing here: Payload and Next read the request
 * stream themselves, except for the anonymous GraphQL requests answered here.
 */
export function createApp({
  payload,
  handle,
  https,
  isShuttingDown,
  graphql,
  readCache: cacheOptions,
}: AppOptions): Express {
  const cookiePrefix = payload.config.cookiePrefix ?? 'payload'
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(requestContext(payload))
  app.use(securityHeaders({ https }))
  app.get('/healthz', healthz)
  app.get('/readyz', readyz(payload, isShuttingDown))
  app.use('/api/graphql', graphqlBodyLimit)
  app.use(searchUnavailable)
  if (graphql && cacheOptions) {
    app.use(readCache({ ...cacheOptions, graphql, cookiePrefix }))
  } else if (graphql) {
    app.use(graphqlDirect(graphql, (req) => carriesCredentials(req.headers, cookiePrefix)))
  }
  // Express 5 rejects app.all('*'); a terminal middleware hands everything else to Next.
  app.use((req, res) => handle(req, res))
  return app
}
