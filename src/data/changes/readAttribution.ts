import { AsyncLocalStorage } from 'node:async_hooks'

import type { ReadSet } from './readSet'

const KEY = Symbol.for('initiative-portal.read-attribution')
type Holder = { [KEY]?: AsyncLocalStorage<ReadSet> }

/**
 * One store for the process, on globalThis: the read cache's middleware (the server's module
 * world) opens a read set, and the database adapter's reads (recorded from whichever module world
 * runs the query: Next's compiled routes or the server's) add to it.
 */
function storage(): AsyncLocalStorage<ReadSet> {
  const holder = globalThis as Holder
  holder[KEY] ??= new AsyncLocalStorage<ReadSet>()
  return holder[KEY]
}

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
