import type { NextFunction, Request, Response } from 'express'

import { cacheControl } from '@/readCache/cacheControl'
import { Flights } from '@/readCache/flights'
import { ReadCache } from '@/readCache/store'

import type { EdgeLimits } from '../../edge/rateLimits'
import type { GraphQLHandlers } from '../../graphql/http/graphqlExchange'
import type { ReadCacheContext } from './context'
import { serveGraphQL } from './graphql'
import { servePage } from './pages'

export type ReadCacheOptions = {
  /** READ_CACHE_MAX_BYTES (more than 0: at 0 the server mounts no cache at all). */
  maxBytes: number
  /** READ_CACHE_SHARED_MAX_AGE, seconds. */
  sharedMaxAge: number
  /** Cache the public pages too. Off in development, where Next recompiles them as code changes. */
  pages: boolean
  origin: string
  allowedOrigins: readonly string[]
  graphql: GraphQLHandlers
  limits: EdgeLimits
}

/**
 * How long a miss waits for another request's render of the same answer before it renders
 * itself: longer than a page takes on a busy server, short enough that a render that hangs
 * delays others only this much.
 */
const FOLLOW_AT_MOST_MS = 3_000

/** Search answers' share of the budget: every query is new, and pages must keep their room. */
const searchBudget = (maxBytes: number) => Math.floor(maxBytes / 16)

/**
 * The anonymous read cache in front of Next (docs/caching.md): GraphQL reads at /api/graphql and
 * the public pages. Every response that passes through says what the cache did in `X-Cache`.
 */
export function readCache(options: ReadCacheOptions) {
  const context: ReadCacheContext = {
    caches: {
      main: new ReadCache(options.maxBytes - searchBudget(options.maxBytes)),
      search: new ReadCache(searchBudget(options.maxBytes), 'search'),
    },
    flights: new Flights(FOLLOW_AT_MOST_MS),
    cacheControl: cacheControl(options.sharedMaxAge),
    origin: options.origin,
    allowedOrigins: options.allowedOrigins,
    graphql: options.graphql,
    limits: options.limits,
  }
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/api/graphql') return serveGraphQL(req, res, next, context)
    if (options.pages && (req.method === 'GET' || req.method === 'HEAD')) {
      return servePage(req, res, next, context)
    }
    res.setHeader('X-Cache', 'BYPASS')
    next()
  }
}
