import { processSlot } from '@/core/processSingleton'

import { tagsOfChange } from './cacheTags'
import type { Change } from './readSet'

/** Purges the answers carrying any of `tags` from shared caches; never throws, bounded in time. */
export type Purger = (tags: string[]) => Promise<void>

/**
 * The shared cache in front of the portal that is purged right after each commit (the local
 * Varnish, src/operations/sharedCache/varnish.ts), installed by the server when
 * VARNISH_PURGE_URL is set. None in scripts and tests without it.
 */
export const sharedCachePurger = processSlot<Purger>('shared-cache-purger')

/**
 * Purges what `changes` touch from the shared cache, if there is one: called after a commit (or
 * a write outside a transaction) has returned and before the write is acknowledged, so a reader
 * who follows the acknowledgement through the shared cache sees the change.
 */
export async function purgeSharedCache(changes: readonly Change[]): Promise<void> {
  const purge = sharedCachePurger.get()
  if (!purge || changes.length === 0) return
  await purge([...new Set(changes.flatMap(tagsOfChange))])
}
