import { AsyncLocalStorage } from 'node:async_hooks'

import type { ReadSet } from './readSet'
import { processSingleton } from '@/core/processSingleton'

/**
 * One store for the process, on globalThis: the read cache's middleware (the server's module
 * world) opens a read set, and the database adapter's reads (recorded from whichever module world
 * runs the query: Next's compiled routes or the server's) add to it.
 */
const storage = () => processSingleton('read-attribution', () => new AsyncLocalStorage<ReadSet>())

/**
 * Runs `compute` (and everything it starts) recording what it reads into `reads`; what the work
 * goes on reading after `compute` returns (a page that is still streaming) is added too.
 */
export function attributeReads<T>(reads: ReadSet, compute: () => T): T {
  return storage().run(reads, compute)
}

/** The read set of the response being computed here, if a cached read is being computed. */
export const activeReadSet = (): ReadSet | undefined => storage().getStore()

/** Marks the response being computed as read from the search index. */
export function recordSearchIndexRead(): void {
  const reads = activeReadSet()
  if (reads) reads.searchIndex = true
}
