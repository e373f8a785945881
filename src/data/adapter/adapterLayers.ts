import type { BaseDatabaseAdapter } from 'payload'

import { readCacheInvalidation } from '@/data/changes/invalidation'
import { readRecording } from '@/data/changes/readRecording'

import { afterCommitEffects } from './afterCommit'
import { addAdapterLayer, type AdapterLayer } from './layers'
import { deleteOneReturnsNullWhenNothingMatches } from './sqliteDeleteOne'
import { serialiseWrites } from './sqliteWriteQueue'

export type AdapterKind = 'sqlite' | 'mongodb'

/**
 * Every layer around the database adapter, in one list, innermost first (each later one wraps
 * the ones before it):
 *
 * 1. SQLite's write queue: writes in this process take turns for the one writer.
 * 2. SQLite's `deleteOne` that answers null when nothing matches (outside the queue's turn).
 * 3. The read cache's invalidation: a write's change is recorded before and after it runs, and a
 *    transaction's changes again after its commit.
 * 4. Read recording: every read goes into the read set of the cached answer being computed.
 * 5. Effects after a commit (mail, search): outermost, so they run once the writer's turn has
 *    ended (they may write themselves) and after the invalidation has taken effect.
 */
export function adapterLayers(db: BaseDatabaseAdapter, kind: AdapterKind): AdapterLayer[] {
  return [
    ...(kind === 'sqlite' ? [serialiseWrites(db), deleteOneReturnsNullWhenNothingMatches(db)] : []),
    readCacheInvalidation(),
    readRecording(),
    afterCommitEffects(db),
  ]
}

/** Puts the layers around a freshly initialised adapter (once per Payload instance). */
export function layerAdapter(db: BaseDatabaseAdapter, kind: AdapterKind): BaseDatabaseAdapter {
  for (const layer of adapterLayers(db, kind)) addAdapterLayer(db, layer)
  return db
}
