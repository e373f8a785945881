import type { CachedResponse } from './entry'

/**
 * The read cache's shared state: its entries and the write generation. It lives on globalThis
 * because writes are seen by the Payload instance's database adapter, which Next's compiled
 * routes and the express server share, while each of them loads its own copy of this module.
 */
export type ReadCacheState = {
  /** Bumped on every write that could change an anonymous response (src/cache/invalidation.ts). */
  generation: number
  /** Insertion order is recency: the first entry is the least recently used. */
  entries: Map<string, CachedResponse>
  bytes: number
}

const KEY = Symbol.for('initiative-portal.read-cache')
type Holder = { [KEY]?: ReadCacheState }

export function readCacheState(): ReadCacheState {
  const holder = globalThis as Holder
  holder[KEY] ??= { generation: 0, entries: new Map(), bytes: 0 }
  return holder[KEY]
}

/** The generation a read captures when it starts; it may store its answer only under the same one. */
export const currentGeneration = (): number => readCacheState().generation

/**
 * Forgets every cached response and moves to a new generation, so no read that started before
 * can store what it read.
 */
export function invalidateReadCache(): void {
  const state = readCacheState()
  state.generation += 1
  state.entries.clear()
  state.bytes = 0
}
