import { countCacheEviction, countCacheStore } from '@/observability/metrics/count'

import type { CachedResponse } from './entry'
import type { ReadSet } from '../data/changes/readSet'
import {
  cacheContents,
  changedSince,
  readCacheState,
  type Partition,
  type Segment,
  type Segments,
} from '../data/changes/changeLog'

/** Map and bookkeeping overhead per entry, so that many tiny entries still count. */
const ENTRY_OVERHEAD = 256

/**
 * The share of the budget answers asked for only once may hold: enough for a burst of new pages
 * after a publish, too little for junk to matter.
 */
const PROBATION_SHARE = 0.25

const DAY = 24 * 60 * 60 * 1000
/** The next midnight (UTC) after `now`: pages compute "today" in UTC. */
export const endOfUtcDay = (now: number): number => Math.floor(now / DAY) * DAY + DAY

export type NewEntry = Omit<CachedResponse, 'bytes' | 'expiresAt'>

function take(segment: Segment<CachedResponse>, key: string): CachedResponse | undefined {
  const entry = segment.entries.get(key)
  if (!entry) return undefined
  segment.entries.delete(key)
  segment.bytes -= entry.bytes
  return entry
}

function put(segment: Segment<CachedResponse>, key: string, entry: CachedResponse): void {
  segment.entries.set(key, entry)
  segment.bytes += entry.bytes
}

/** Evicts the least recently used entries of `segment` until it holds at most `bytes`. */
function shrink(segment: Segment<CachedResponse>, bytes: number): void {
  for (const [oldest] of segment.entries) {
    if (segment.bytes <= bytes) break
    take(segment, oldest)
    countCacheEviction()
  }
}

/**
 * What a stored answer's `Vary` is checked against: the request's header values as the key has
 * them, either read one by one or as a record worked out before (a header missing from the
 * record does not match, so such an answer is not served from the record).
 */
export type RequestHeaders = ((name: string) => string) | Readonly<Record<string, string>>

/**
 * A segmented least-recently-used store bounded by bytes, over the shared state
 * (src/data/changes/changeLog.ts). Only the express layer stores and reads; invalidation only clears.
 */
export class ReadCache {
  /** Only this store puts entries into the shared state, so they are its own kind. */
  private readonly segments: Segments<CachedResponse>

  constructor(
    readonly maxBytes: number,
    readonly partition: Partition = 'main',
  ) {
    this.segments = readCacheState().partitions[partition] as Segments<CachedResponse>
  }

  get size(): { entries: number; bytes: number } {
    return cacheContents(this.partition)
  }

  private get budgets(): { probation: number; protected: number } {
    const probation = Math.floor(this.maxBytes * PROBATION_SHARE)
    return { probation, protected: this.maxBytes - probation }
  }

  /**
   * The stored response for `key`, if it is still today's and the request matches its `Vary`.
   * A hit becomes the protected segment's most recently used entry (a repeat hit only moves
   * there, the common case, so it stays a few map operations).
   */
  lookup(
    key: string,
    requestHeaders: RequestHeaders,
    now = Date.now(),
  ): CachedResponse | undefined {
    const state = this.segments
    const guarded = state.protected.entries.get(key)
    const entry = guarded ?? state.probation.entries.get(key)
    if (!entry) return undefined
    if (now >= entry.expiresAt) {
      this.remove(key)
      return undefined
    }
    for (const [name, value] of entry.vary) {
      const sent =
        typeof requestHeaders === 'function' ? requestHeaders(name) : requestHeaders[name]
      if (sent !== value) return undefined
    }
    if (guarded) {
      state.protected.entries.delete(key)
      state.protected.entries.set(key, entry)
    } else this.promote(key, entry)
    return entry
  }

  /**
   * Moves an entry asked for again from probation to protected; when protected is over its
   * share, its least recently used entries go back to probation.
   */
  private promote(key: string, entry: CachedResponse): void {
    const state = this.segments
    take(state.probation, key)
    put(state.protected, key, entry)
    const budgets = this.budgets
    for (const [oldest] of state.protected.entries) {
      if (state.protected.bytes <= budgets.protected || oldest === key) break
      put(state.probation, oldest, take(state.protected, oldest)!)
    }
    shrink(state.probation, budgets.probation)
  }

  /**
   * Stores a response whose computing started at change `startedAt` in the probation segment,
   * unless a change since touched what it read (then it may hold what the change replaced) or it
   * is larger than probation's share of the budget. Only probation's least recently used entries make room: an answer
   * nobody has asked for twice never evicts one that was. Returns whether it was stored.
   */
  admit(key: string, entry: NewEntry, startedAt: number, now = Date.now()): boolean {
    if (changedSince(startedAt, entry.reads)) return false
    const state = this.segments
    const bytes = entryBytes(key, entry)
    const budget = this.budgets.probation
    if (bytes > budget) return false
    this.remove(key)
    shrink(state.probation, budget - bytes)
    put(state.probation, key, { ...entry, bytes, expiresAt: endOfUtcDay(now) })
    countCacheStore()
    return true
  }

  private remove(key: string): void {
    const state = this.segments
    if (!take(state.protected, key)) take(state.probation, key)
  }
}

function entryBytes(key: string, entry: NewEntry): number {
  let bytes = ENTRY_OVERHEAD + Buffer.byteLength(key) + entry.body.length + entry.etag.length
  for (const [name, value] of [...entry.headers, ...entry.vary]) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value)
  }
  return bytes + readSetBytes(entry.reads)
}

/** About what a read set holds in memory: a set entry and a short string for each name. */
function readSetBytes(reads: ReadSet): number {
  let names = reads.collections.size + reads.globals.size
  for (const ids of reads.documents.values()) names += 1 + ids.size
  return names * 64
}
