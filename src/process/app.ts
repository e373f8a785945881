import express, { type Express, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { metricsEndpoint } from '@/observability/metrics/endpoint'

import { graphqlDirect } from '../graphql/http/graphqlDirect'
import type { GraphQLHandlers } from '../graphql/http/graphqlExchange'
import { healthz, readyz } from './health'
import { logUnhandled } from '../edge/logUnhandled'
import { readCache, type ReadCacheOptions } from '../readCache/serve'
import { requestContext } from '../edge/requestContext'
import { BodyBudget } from '../edge/bodyBudget'
import { bodyPolicy } from '../edge/bodyPolicy'
import { passClientAddress } from '../core/clientAddressHeader'
import { methodGuard } from '../edge/methodGuard'
import { edgeLimits, limitPublicWrites, limitUncached } from '../edge/rateLimits'
import type { EdgeSettings } from '../edge/settings'
import { urlGuard } from '../edge/urlGuard'
import { identifyRequests } from '../edge/identity'
import { searchUnavailable } from '../edge/searchUnavailable'
import { securityHeaders } from '../edge/securityHeaders'

export type AppOptions = {
  payload: Payload
  /** Next's request handler: admin, REST, GraphQL and pages. */
  handle: (req: Request, res: Response) => unknown
  https: boolean
  isShuttingDown: () => boolean
  /** What the edge is configured with (docs/limits.md): src/edge/settings.ts. */
  edge: EdgeSettings
  /** METRICS_TOKEN: `/metrics` answers a scraper that sends it (src/observability/metrics/endpoint.ts). */
  metricsToken?: string
} & (
  | {
      /**
       * The GraphQL route's handlers: anonymous GraphQL requests are answered with them here,
       * through the read cache when there is one. Left out, all GraphQL goes to Next.
       */
      graphql: GraphQLHandlers
      /** The anonymous read cache; left out (READ_CACHE_MAX_BYTES=0), nothing is cached. */
      readCache?: Omit<ReadCacheOptions, 'graphql' | 'limits' | 'origin' | 'allowedOrigins'>
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
  edge,
  graphql,
  readCache: cacheOptions,
  metricsToken,
}: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', edge.trustProxy)
  const limits = edgeLimits(edge.rateLimits)
  const cors = payload.config.cors
  const allowedOrigins = Array.isArray(cors) ? cors : []
  const origin = new URL(payload.config.serverURL || 'http://localhost').origin
  app.use(requestContext(payload))
  // Before anything that may hand the request on: handlers behind express read the address here.
  app.use(passClientAddress)
  app.use(securityHeaders({ https }))
  // Hostile input stops here, before the cache, Next or Payload decode or buffer anything.
  app.use(urlGuard)
  app.get('/healthz', healthz)
  app.get('/readyz', readyz(payload, isShuttingDown))
  app.get(
    '/metrics',
    metricsEndpoint(metricsToken, (err) => payload.logger.error({ msg: 'metrics failed', err })),
  )
  app.use(searchUnavailable)
  app.use(methodGuard(edge.serverActions))
  app.use(
    identifyRequests({
      secret: payload.secret,
      cookiePrefix: payload.config.cookiePrefix ?? 'payload',
      previewModeId: edge.previewModeId,
    }),
  )
  app.use(limitPublicWrites(limits))
  app.use(bodyPolicy(edge.bodies.limits, new BodyBudget(edge.bodies.budgetBytes)))
  if (graphql && cacheOptions) {
    app.use(readCache({ ...cacheOptions, graphql, origin, allowedOrigins, limits }))
  } else if (graphql) {
    app.use(graphqlDirect(graphql, limits, origin))
  }
  // What gets here, the cache could not answer: a miss, a bypass, or nothing cacheable.
  app.use(limitUncached(limits))
  // Express 5 rejects app.all('*'); a terminal middleware hands everything else to Next.
  app.use((req, res) => handle(req, res))
  app.use(logUnhandled(payload))
  return app
}
