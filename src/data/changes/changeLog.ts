import { EVERYTHING, touches, type Change, type ReadSet } from './readSet'
import { processSingleton, processSlot } from '@/core/processSingleton'

/** What the change log needs of a stored answer: what it read, and what it costs. */
export type StoredAnswer = { reads: ReadSet; bytes: number }

/** One segment of the store; insertion order is recency (the first entry is the least recent). */
export type Segment<E extends StoredAnswer = StoredAnswer> = {
  entries: Map<string, E>
  bytes: number
}

/**
 * The read cache's shared state: its entries and the changes it has seen. It lives on globalThis
 * because writes are seen by the Payload instance's database adapter, which Next's compiled
 * routes and the express server share, while each of them loads its own copy of this module.
 *
 * Entries sit in two segments (a segmented LRU, docs/caching.md): a new answer goes to
 * `probation`; one asked for again moves to `protected`. Room is made in probation first, so a
 * flood of answers nobody asks for twice (junk variants of a URL) evicts only other such
 * answers, never the pages readers keep coming back to.
 */
export type Segments<E extends StoredAnswer = StoredAnswer> = {
  probation: Segment<E>
  protected: Segment<E>
}

/**
 * Search answers (the results page, the `search` GraphQL field) have a budget of their own:
 * every query is a new one, and they must never take room from pages.
 */
export type Partition = 'main' | 'search'

/** A change and its place in the order of changes. */
type Recorded = { sequence: number; change: Change }

export type ReadCacheState = {
  /** Counts the changes seen so far (src/data/changes/invalidation.ts); a read starts at one of them. */
  sequence: number
  /** The latest changes, oldest first: what a read that ends now must not have missed. */
  recent: Recorded[]
  /** Never replaced, only emptied: a store keeps its partition's segments for good. */
  readonly partitions: Readonly<Record<Partition, Segments>>
}

/**
 * How many changes are remembered. A read that started before the oldest one remembered cannot
 * tell what it missed and stores nothing; at thousands of changes a second, that is a read
 * slower than a fraction of a second, which a busy server would not store anyway.
 */
const REMEMBERED_CHANGES = 1024

const emptySegments = (): Segments => ({
  probation: { entries: new Map(), bytes: 0 },
  protected: { entries: new Map(), bytes: 0 },
})

export function readCacheState(): ReadCacheState {
  return processSingleton<ReadCacheState>('read-cache', () => ({
    sequence: 0,
    recent: [],
    partitions: { main: emptySegments(), search: emptySegments() },
  }))
}

/** Where a read starts in the order of changes; it may store its answer only if none it missed touched what it read. */
export const currentSequence = (): number => readCacheState().sequence

/**
 * Whether a change after `startedAt` touched something in `reads` (or may have: when it started
 * before the changes remembered).
 */
export function changedSince(startedAt: number, reads: ReadSet): boolean {
  const state = readCacheState()
  if (state.sequence === startedAt) return false
  const oldest = state.recent[0]
  if (!oldest || oldest.sequence > startedAt + 1) return true
  for (let i = state.recent.length - 1; i >= 0; i--) {
    const recorded = state.recent[i]!
    if (recorded.sequence <= startedAt) break
    if (touches(recorded.change, reads)) return true
  }
  return false
}

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
 * Told the keys of the main partition's protected entries (answers readers asked for more than
 * once) that a change removed, most recently used last: the server renders those pages again in
 * the background (src/process/refreshAfterChanges.ts). None in scripts and tests without it.
 */
export const removedInUse = processSlot<(keys: string[]) => void>('read-cache-removed-in-use')

/**
 * Records `change` and forgets every cached response it touches (all of them by default), so no
 * read that started before it and read what it changed can store its answer.
 */
export function invalidateReadCache(change: Change = EVERYTHING): void {
  const state = readCacheState()
  state.sequence += 1
  state.recent.push({ sequence: state.sequence, change })
  if (state.recent.length > REMEMBERED_CHANGES) state.recent.shift()
  const inUse: string[] = []
  if (change.kind === 'everything') {
    inUse.push(...state.partitions.main.protected.entries.keys())
    // Emptied in place: each store holds its partition's segments (src/readCache/store.ts).
    for (const segments of Object.values(state.partitions)) {
      for (const segment of [segments.probation, segments.protected]) {
        segment.entries.clear()
        segment.bytes = 0
      }
    }
  } else {
    for (const [name, segments] of Object.entries(state.partitions)) {
      for (const segment of [segments.probation, segments.protected]) {
        for (const [key, entry] of segment.entries) {
          if (!touches(change, entry.reads)) continue
          segment.entries.delete(key)
          segment.bytes -= entry.bytes
          if (name === 'main' && segment === segments.protected) inUse.push(key)
        }
      }
    }
  }
  if (inUse.length > 0) removedInUse.get()?.(inUse)
}
