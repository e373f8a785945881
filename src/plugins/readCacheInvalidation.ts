import type { Config } from 'payload'

import { invalidateOnWrites } from '@/cache/invalidation'

/**
 * Installs the read cache's invalidation on the database adapter of the one Payload instance,
 * when it starts: `onInit` runs once, in whichever module world (the server bundle or Next's
 * compiled routes) creates the instance, and both adapters (SQLite and MongoDB) are covered
 * because it wraps the adapter interface, not one adapter's internals.
 */
export function readCacheInvalidation(config: Config): Config {
  return {
    ...config,
    onInit: async (payload) => {
      invalidateOnWrites(payload.db)
      await config.onInit?.(payload)
    },
  }
}
