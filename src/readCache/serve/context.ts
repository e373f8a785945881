import type { Partition } from '@/data/changes/changeLog'
import type { Flights } from '@/readCache/flights'
import type { ReadCache } from '@/readCache/store'

import type { EdgeLimits } from '../../edge/rateLimits'
import type { GraphQLHandlers } from '../../graphql/http/graphqlExchange'

/** What the cache's request handlers share for the life of the server. */
export type ReadCacheContext = {
  /** The store of each partition: pages and GraphQL, and search answers apart (their own budget). */
  caches: Record<Partition, ReadCache>
  /** The renders in flight, so that concurrent misses for one key wait for one of them. */
  flights: Flights
  /** The Cache-Control of every response served from or admitted to the cache. */
  cacheControl: string
  /** The portal's own origin (SERVER_URL), the base of the URLs handed to route handlers. */
  origin: string
  /** The origins CORS allows (Payload's `cors`): any other is answered as if it sent none. */
  allowedOrigins: readonly string[]
  graphql: GraphQLHandlers
  /** What a request the cache cannot answer must pass before it is computed. */
  limits: EdgeLimits
}
