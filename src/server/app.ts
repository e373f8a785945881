import express, { type Express, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { carriesCredentials } from '@/cache/credentials'

import { graphqlDirect } from './graphqlDirect'
import type { GraphQLHandlers } from './graphqlExchange'
import { healthz, readyz } from './health'
import { readCache, type ReadCacheOptions } from './readCache'
import { requestContext } from './requestContext'
import { BodyBudget } from './edge/bodyBudget'
import type { BodyLimits } from './edge/bodyClasses'
import { bodyPolicy } from './edge/bodyPolicy'
import { methodGuard, type ServerActions } from './edge/methodGuard'
import { urlGuard } from './edge/urlGuard'
import { searchUnavailable } from './searchUnavailable'
import { securityHeaders } from './securityHeaders'

export type AppOptions = {
  payload: Payload
  /** Next's request handler: admin, REST, GraphQL and pages. */
  handle: (req: Request, res: Response) => unknown
  https: boolean
  isShuttingDown: () => boolean
  /** The body policy's limits and the budget all bodies in flight share (docs/limits.md). */
  bodies: { limits: BodyLimits; budgetBytes: number }
  /**
   * The production build's server actions (src/server/edge/methodGuard.ts); null in
   * development, where Next compiles them as pages are visited.
   */
  serverActions: ServerActions | null
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
  bodies,
  serverActions,
  graphql,
  readCache: cacheOptions,
}: AppOptions): Express {
  const cookiePrefix = payload.config.cookiePrefix ?? 'payload'
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(requestContext(payload))
  app.use(securityHeaders({ https }))
  // Hostile input stops here, before the cache, Next or Payload decode or buffer anything.
  app.use(urlGuard)
  app.use(methodGuard(serverActions))
  app.use(bodyPolicy(bodies.limits, new BodyBudget(bodies.budgetBytes)))
  app.get('/healthz', healthz)
  app.get('/readyz', readyz(payload, isShuttingDown))
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
