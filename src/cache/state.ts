import type { CachedResponse } from './entry'

/** One segment of the store; insertion order is recency (the first entry is the least recent). */
export type Segment = { entries: Map<string, CachedResponse>; bytes: number }

/**
 * The read cache's shared state: its entries and the write generation. It lives on globalThis
 * because writes are seen by the Payload instance's database adapter, which Next's compiled
 * routes and the express server share, while each of them loads its own copy of this module.
 *
 * Entries sit in two segments (a segmented LRU, docs/caching.md): a new answer goes to
 * `probation`; one asked for again moves to `protected`. Room is made in probation first, so a
 * flood of answers nobody asks for twice (junk variants of a URL) evicts only other such
 * answers, never the pages readers keep coming back to.
 */
export type Segments = { probation: Segment; protected: Segment }

/**
 * Search answers (the results page, the `search` GraphQL field) have a budget of their own:
 * every query is a new one, and they must never take room from pages.
 */
export type Partition = 'main' | 'search'

export type ReadCacheState = {
  /** Bumped on every write that could change an anonymous response (src/cache/invalidation.ts). */
  generation: number
  partitions: Record<Partition, Segments>
}

const KEY = Symbol.for('initiative-portal.read-cache')
type Holder = { [KEY]?: ReadCacheState }

const emptySegments = (): Segments => ({
  probation: { entries: new Map(), bytes: 0 },
  protected: { entries: new Map(), bytes: 0 },
})

const emptyPartitions = (): Record<Partition, Segments> => ({
  main: emptySegments(),
  search: emptySegments(),
})

export function readCacheState(): ReadCacheState {
  const holder = globalThis as Holder
  holder[KEY] ??= { generation: 0, partitions: emptyPartitions() }
  return holder[KEY]
}

/** The generation a read captures when it starts; it may store its answer only under the same one. */
export const currentGeneration = (): number => readCacheState().generation

/** How much the cache holds now, every partition and segment together (or one partition's). */
export function cacheContents(partition?: Partition): { entries: number; bytes: number } {
  let entries = 0
  let bytes = 0
  for (const [name, segments] of Object.entries(readCacheState().partitions)) {
    if (partition && name !== partition) continue
    for (const segment of [segments.probation, segments.protected]) {
      entries += segment.entries.size
      bytes += segment.bytes
    }
  }
  return { entries, bytes }
}

/**
 * Forgets every cached response and moves to a new generation, so no read that started before
 * can store what it read.
 */
export function invalidateReadCache(): void {
  const state = readCacheState()
  state.generation += 1
  state.partitions = emptyPartitions()
}
