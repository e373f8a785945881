import type { Config } from 'payload'

import { invalidateOnWrites } from '@/data/changes/invalidation'
import { recordReadsForTheCache } from '@/data/changes/readRecording'
import { runEffectsAfterCommit } from '@/data/adapter/afterCommit'

/**
 * Installs what must see every write and read of the one Payload instance, when it starts: the
 * read cache's invalidation and read recording, and the effects that wait for a commit. `onInit` runs once, in whichever
 * module world (the server bundle or Next's compiled routes) creates the instance, and both
 * adapters (SQLite and MongoDB) are covered because the layers wrap the adapter interface, not
 * one adapter's internals. Added after the SQLite write queue, they run outside it: an effect
 * after a commit runs once the writer's turn has ended, so it may write itself.
 */
export function databaseLayers(config: Config): Config {
  return {
    ...config,
    onInit: async (payload) => {
      invalidateOnWrites(payload.db)
      recordReadsForTheCache(payload.db)
      runEffectsAfterCommit(payload.db)
      await config.onInit?.(payload)
    },
  }
}
