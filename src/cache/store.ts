import type { CachedResponse } from './entry'
import { readCacheState } from './state'

/** Map and bookkeeping overhead per entry, so that many tiny entries still count. */
const ENTRY_OVERHEAD = 256

const DAY = 24 * 60 * 60 * 1000
/** The next midnight (UTC) after `now`: pages compute "today" in UTC. */
export const endOfUtcDay = (now: number): number => Math.floor(now / DAY) * DAY + DAY

export type NewEntry = Omit<CachedResponse, 'bytes' | 'expiresAt'>

/**
 * A least-recently-used store bounded by bytes, over the shared entries (src/cache/state.ts).
 * Only the express layer stores and reads; invalidation only clears.
 */
export class ReadCache {
  constructor(readonly maxBytes: number) {}

  get size(): { entries: number; bytes: number } {
    const state = readCacheState()
    return { entries: state.entries.size, bytes: state.bytes }
  }

  /** The stored response for `key`, if it is still today's and the request matches its `Vary`. */
  lookup(
    key: string,
    requestHeader: (name: string) => string,
    now = Date.now(),
  ): CachedResponse | undefined {
    const state = readCacheState()
    const entry = state.entries.get(key)
    if (!entry) return undefined
    if (now >= entry.expiresAt) {
      this.remove(key)
      return undefined
    }
    if (entry.vary.some(([name, value]) => requestHeader(name) !== value)) return undefined
    // Most recently used goes last.
    state.entries.delete(key)
    state.entries.set(key, entry)
    return entry
  }

  /**
   * Stores a response read under generation `startedAt`, unless a write happened since (then it
   * may hold what the write changed) or it is larger than the whole budget. Evicts the least
   * recently used entries until it fits. Returns whether it was stored.
   */
  admit(key: string, entry: NewEntry, startedAt: number, now = Date.now()): boolean {
    const state = readCacheState()
    if (state.generation !== startedAt) return false
    const bytes = entryBytes(key, entry)
    if (bytes > this.maxBytes) return false
    this.remove(key)
    for (const [oldest] of state.entries) {
      if (state.bytes + bytes <= this.maxBytes) break
      this.remove(oldest)
    }
    state.entries.set(key, { ...entry, bytes, expiresAt: endOfUtcDay(now) })
    state.bytes += bytes
    return true
  }

  private remove(key: string): void {
    const state = readCacheState()
    const entry = state.entries.get(key)
    if (!entry) return
    state.entries.delete(key)
    state.bytes -= entry.bytes
  }
}

function entryBytes(key: string, entry: NewEntry): number {
  let bytes = ENTRY_OVERHEAD + Buffer.byteLength(key) + entry.body.length + entry.etag.length
  for (const [name, value] of [...entry.headers, ...entry.vary]) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value)
  }
  return bytes
}
