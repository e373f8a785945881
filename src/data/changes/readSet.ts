/**
 * What one response read while it was computed (docs/caching.md, "What an entry depends on"):
 * the read cache removes an entry only when a change touches something in it.
 *
 * - `documents`: reads that can only return the documents named (a `where` on their ids, which is
 *   how Payload reads by id and how it loads related documents for population);
 * - `collections`: every other read of a collection (a list, a `where`, a slug lookup, a count,
 *   an answer that found nothing), which any change to the collection may change;
 * - `globals`: globals read;
 * - `searchIndex`: the answer came from the in-memory search index, which changes after commits;
 * - `unknown`: something was read that cannot be told apart (a filter through a relationship,
 *   say), so every change touches it. A response that recorded nothing at all counts as unknown
 *   too: it may have read in a way nobody saw.
 */
export type ReadSet = {
  unknown: boolean
  collections: Set<string>
  documents: Map<string, Set<string>>
  globals: Set<string>
  searchIndex: boolean
}

export const emptyReadSet = (): ReadSet => ({
  unknown: false,
  collections: new Set(),
  documents: new Map(),
  globals: new Set(),
  searchIndex: false,
})

/** Whether nothing at all was recorded (then the response depends on every change). */
export const recordedNothing = (reads: ReadSet): boolean =>
  !reads.unknown &&
  !reads.searchIndex &&
  reads.collections.size === 0 &&
  reads.documents.size === 0 &&
  reads.globals.size === 0

/** A change to what the public may read, as the invalidation sees it (src/data/changes/changes.ts). */
export type Change =
  | { kind: 'everything' }
  | { kind: 'collection'; collection: string }
  | { kind: 'documents'; collection: string; ids: readonly string[] }
  | { kind: 'global'; global: string }
  | { kind: 'search-index' }

export const EVERYTHING: Change = { kind: 'everything' }
export const SEARCH_INDEX_CHANGE: Change = { kind: 'search-index' }

/** Whether `change` may alter an answer computed from `reads`. */
export function touches(change: Change, reads: ReadSet): boolean {
  if (change.kind === 'everything' || reads.unknown || recordedNothing(reads)) return true
  switch (change.kind) {
    case 'collection':
      return reads.collections.has(change.collection) || reads.documents.has(change.collection)
    case 'documents': {
      if (reads.collections.has(change.collection)) return true
      const read = reads.documents.get(change.collection)
      return read !== undefined && change.ids.some((id) => read.has(id))
    }
    case 'global':
      return reads.globals.has(change.global)
    case 'search-index':
      return reads.searchIndex
  }
}
