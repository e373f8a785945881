import express, { type Express, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { graphqlBodyLimit } from './graphqlBodyLimit'
import { healthz, readyz } from './health'
import { readCache, type ReadCacheOptions } from './readCache'
import { requestContext } from './requestContext'
import { securityHeaders } from './securityHeaders'

export type AppOptions = {
  payload: Payload
  /** Next's request handler: admin, REST, GraphQL and pages. */
  handle: (req: Request, res: Response) => unknown
  https: boolean
  isShuttingDown: () => boolean
  /** The anonymous read cache; left out (READ_CACHE_MAX_BYTES=0), every request goes to Next. */
  readCache?: Omit<ReadCacheOptions, 'cookiePrefix'>
}

/**
 * The express layer in front of Next. No body parsing here: Payload and Next read the request
 * stream themselves, except for the anonymous GraphQL reads the cache answers itself.
 */
export function createApp({
  payload,
  handle,
  https,
  isShuttingDown,
  readCache: cacheOptions,
}: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(requestContext(payload))
  app.use(securityHeaders({ https }))
  app.get('/healthz', healthz)
  app.get('/readyz', readyz(payload, isShuttingDown))
  app.use('/api/graphql', graphqlBodyLimit)
  if (cacheOptions) {
    app.use(readCache({ ...cacheOptions, cookiePrefix: payload.config.cookiePrefix ?? 'payload' }))
  }
  // Express 5 rejects app.all('*'); a terminal middleware hands everything else to Next.
  app.use((req, res) => handle(req, res))
  return app
}
