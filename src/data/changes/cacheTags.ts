import type { Change, ReadSet } from './readSet'

/**
 * The cache tags of an answer and of a change (docs/caching.md, "Shared caches"): a shared cache
 * (Varnish's xkey, a CDN's surrogate keys) drops exactly the answers whose tags a change names.
 * They say in tags what `touches` (./readSet.ts) decides for the portal's own cache, so a purge by
 * a change's tags removes every answer the change touches:
 *
 * - `d:<collection>:<id>`: read that document (by id, or populated);
 * - `r:<collection>`: read some documents of the collection by id (a change to the whole
 *   collection, such as a create, may concern them);
 * - `c:<collection>`: read the collection as a whole (a list, a count, a lookup by slug);
 * - `g:<global>`: read that global;
 * - `search`: came from the search index;
 * - `any`: what it read cannot be told apart, so every change purges it;
 * - `all`: on every answer; a change that touches everything (a real delete) purges it;
 * - `day:<YYYY-MM-DD>`: the UTC day it was computed on (pages show what is upcoming), purged at
 *   midnight UTC.
 */
export const documentTag = (collection: string, id: string | number): string =>
  `d:${collection}:${id}`
export const collectionTag = (collection: string): string => `c:${collection}`
export const globalTag = (global: string): string => `g:${global}`
export const EVERY_ANSWER = 'all'
export const UNKNOWN_READS = 'any'
export const SEARCH_INDEX = 'search'
export const someDocumentsTag = (collection: string): string => `r:${collection}`
export const dayTag = (at: Date): string => `day:${at.toISOString().slice(0, 10)}`

/**
 * At most this many tags per answer: headers stay small. An answer that read more documents of
 * a collection than fit carries that collection's tag instead of theirs, which every change to
 * one of them purges as well (a little more is purged, nothing less).
 */
export const MAX_TAGS = 64

/** The tags an answer computed from `reads` on the day of `at` goes out with. */
export function tagsOfReads(reads: ReadSet, at: Date): string[] {
  const fixed = [EVERY_ANSWER, dayTag(at)]
  if (
    reads.unknown ||
    (reads.collections.size === 0 &&
      reads.documents.size === 0 &&
      reads.globals.size === 0 &&
      !reads.searchIndex)
  ) {
    return [...fixed, UNKNOWN_READS]
  }
  const broad = [
    ...fixed,
    ...(reads.searchIndex ? [SEARCH_INDEX] : []),
    ...[...reads.globals].map(globalTag),
    ...[...reads.collections].map(collectionTag),
  ]
  const perCollection = [...reads.documents].map(([collection, ids]) => ({
    collection,
    tags: [someDocumentsTag(collection), ...[...ids].map((id) => documentTag(collection, id))],
  }))
  // Collections with the fewest documents read keep their document tags; the others stand in
  // as a whole, so the total stays within MAX_TAGS.
  perCollection.sort((a, b) => a.tags.length - b.tags.length)
  const tags = [...broad]
  let room = MAX_TAGS - broad.length - perCollection.length * 2
  for (const { collection, tags: own } of perCollection) {
    if (own.length - 2 <= room) {
      tags.push(...own)
      room -= own.length - 2
    } else tags.push(someDocumentsTag(collection), collectionTag(collection))
  }
  return [...new Set(tags)]
}

/** The tags a purge for `change` names: every answer the change touches carries one of them. */
export function tagsOfChange(change: Change): string[] {
  switch (change.kind) {
    case 'everything':
      return [EVERY_ANSWER]
    case 'collection':
      return [collectionTag(change.collection), someDocumentsTag(change.collection), UNKNOWN_READS]
    case 'documents':
      return [
        collectionTag(change.collection),
        ...change.ids.map((id) => documentTag(change.collection, id)),
        UNKNOWN_READS,
      ]
    case 'global':
      return [globalTag(change.global), UNKNOWN_READS]
    case 'search-index':
      return [SEARCH_INDEX, UNKNOWN_READS]
  }
}
