import express, { type Express, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { graphqlBodyLimit } from './graphqlBodyLimit'
import { healthz, readyz } from './health'
import { requestContext } from './requestContext'
import { securityHeaders } from './securityHeaders'

export type AppOptions = {
  payload: Payload
  /** Next's request handler: admin, REST, GraphQL and pages. */
  handle: (req: Request, res: Response) => unknown
  https: boolean
  isShuttingDown: () => boolean
}

/**
 * The express layer in front of Next. No body parsing here: Payload and Next read the request
 * stream themselves.
 */
export function createApp({ payload, handle, https, isShuttingDown }: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(requestContext(payload))
  app.use(securityHeaders({ https }))
  app.get('/healthz', healthz)
  app.get('/readyz', readyz(payload, isShuttingDown))
  app.use('/api/graphql', graphqlBodyLimit)
  // Express 5 rejects app.all('*'); a terminal middleware hands everything else to Next.
  app.use((req, res) => handle(req, res))
  return app
}
