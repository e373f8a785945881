import type { Request } from 'express'

import type { ReadCache } from '@/cache/store'

import type { GraphQLHandlers } from '../graphqlExchange'

/** What the cache's request handlers share for the life of the server. */
export type ReadCacheContext = {
  cache: ReadCache
  /** The Cache-Control of every response served from or admitted to the cache. */
  cacheControl: string
  /** Whether the request carries anything that could make its answer differ from the public's. */
  credentials: (req: Request) => boolean
  graphql: GraphQLHandlers
}
