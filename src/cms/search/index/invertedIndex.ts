import SearchableMap from 'minisearch/SearchableMap'

import type { StoredEntry } from '../entries'

/**
 * One locale's inverted index, built for the portal's sizes (tens of thousands of documents,
 * both locales in one process under a 384 MB heap) and its latency target.
 *
 * Why not MiniSearch's own index (whose radix tree this uses for the vocabulary, with its prefix
 * and fuzzy lookups): it keeps a Map per term and field and creates a result object for every
 * matching document. On the large data set a query for a word that is in every document
 * ("Daten") cost about 15 ms of CPU, and the index about 60 MB. Here a term's postings are one
 * array of numbers, and a query scores into reused typed arrays: a fraction of both.
 */

/** Where a term occurs; each has its own weight (see `fieldBoosts`). */
export const FIELDS = ['title', 'summary', 'body', 'parts'] as const
export type FieldName = (typeof FIELDS)[number]

// A posting packs the term's frequency in each of the four fields, 7 bits each (at most 127),
// into one small integer, so that a term's postings are one array of small integers.
const TF_BITS = 7
const TF_MAX = (1 << TF_BITS) - 1

/** BM25's usual constants: term frequency saturation and length normalisation. */
const K1 = 1.2
const B = 0.75

/** A term a query word expands to, and how much a match through it counts. */
export type Expansion = { term: number; weight: number }

export type ScoredDocs = {
  /** The documents with a score, in the order they were first scored. */
  docs: number[]
  /** Dense by document number; 0 for documents without a score. */
  scores: Float64Array
}

export type AnalysedDocument = Record<FieldName, string[]>

export class InvertedIndex {
  /** term → term number; its prefix and fuzzy lookups expand query words. */
  readonly vocabulary = new SearchableMap<number>()
  readonly terms: string[] = []
  /** By term number: [doc, frequencies, doc, frequencies, …] in ascending document number. */
  private readonly postings: number[][] = []

  /** By document number; undefined for a free number. */
  readonly entries: (StoredEntry | undefined)[] = []
  /**
   * By document number, as plain numbers the ranking reads for every match (13,000 of them for
   * a common word) without touching the entries: the kind (an index into `searchTypes`) and the
   * order among equal scores (lower first).
   */
  readonly kinds: number[] = []
  readonly ties: number[] = []
  private readonly lengths: number[] = []
  private readonly free: number[] = []
  private readonly byKey = new Map<string, number>()
  private readonly lengthSums = [0, 0, 0, 0]
  private live = 0

  private readonly pool: Float64Array[] = []

  get size(): number {
    return this.live
  }

  docOf(key: string): number | undefined {
    return this.byKey.get(key)
  }

  /** Documents containing the term (every posting is a live document). */
  frequency(term: number): number {
    return (this.postings[term]?.length ?? 0) / 2
  }

  add(
    key: string,
    entry: StoredEntry,
    fields: AnalysedDocument,
    ranking: { kind: number; tie: number },
  ): void {
    if (this.byKey.has(key)) this.remove(key)
    const doc = this.free.pop() ?? this.entries.length
    this.entries[doc] = entry
    this.kinds[doc] = ranking.kind
    this.ties[doc] = ranking.tie
    this.byKey.set(key, doc)
    this.live += 1
    const counts = new Map<number, number>()
    FIELDS.forEach((field, f) => {
      const words = fields[field]
      this.lengths[doc * 4 + f] = words.length
      this.lengthSums[f]! += words.length
      for (const word of words) {
        const term = this.termNumber(word)
        const packed = counts.get(term) ?? 0
        const tf = (packed >> (f * TF_BITS)) & TF_MAX
        if (tf < TF_MAX) counts.set(term, packed + (1 << (f * TF_BITS)))
      }
    })
    for (const [term, packed] of counts) insertPosting(this.postings[term]!, doc, packed)
  }

  remove(key: string): boolean {
    const doc = this.byKey.get(key)
    if (doc === undefined) return false
    this.byKey.delete(key)
    this.entries[doc] = undefined
    this.live -= 1
    for (let f = 0; f < 4; f++) this.lengthSums[f]! -= this.lengths[doc * 4 + f]!
    // Every list that holds the document: a scan of the vocabulary, a few milliseconds, paid
    // only by real changes (a draft save or an unchanged re-read removes nothing).
    for (const list of this.postings) {
      const at = findPosting(list, doc)
      if (at >= 0) list.splice(at, 2)
    }
    this.free.push(doc)
    return true
  }

  private termNumber(word: string): number {
    let term = this.vocabulary.get(word)
    if (term === undefined) {
      term = this.terms.length
      this.terms.push(word)
      this.postings.push([])
      this.vocabulary.set(word, term)
    }
    return term
  }

  /** Whether `doc` contains `term` (for highlighting the few documents on a page). */
  contains(term: number, doc: number): boolean {
    const list = this.postings[term]
    return list !== undefined && findPosting(list, doc) >= 0
  }

  /** The cost of scoring a word: the postings it reads. */
  cost(expansions: Expansion[]): number {
    return expansions.reduce((sum, e) => sum + this.frequency(e.term), 0)
  }

  /**
   * BM25 per field, weighted by field and by expansion, summed over the word's expansions. Only
   * documents with a score in `within` are scored (AND: the words scored before).
   */
  score(
    expansions: Expansion[],
    boosts: readonly number[],
    within: Float64Array | null,
  ): ScoredDocs {
    const scores = this.acquire()
    const docs: number[] = []
    const n = Math.max(this.live, 1)
    const norm = this.lengthSums.map((sum) => (K1 * B) / Math.max(sum / n, 1))
    const lengths = this.lengths
    for (const { term, weight } of expansions) {
      const list = this.postings[term]
      if (!list?.length) continue
      const df = list.length / 2
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!
        if (within && within[doc] === 0) continue
        const packed = list[i + 1]!
        let s = 0
        for (let f = 0; f < 4; f++) {
          const tf = (packed >> (f * TF_BITS)) & TF_MAX
          if (tf === 0) continue
          const saturation = tf + K1 * (1 - B) + norm[f]! * lengths[doc * 4 + f]!
          s += (boosts[f]! * (tf * (K1 + 1))) / saturation
        }
        if (scores[doc] === 0) docs.push(doc)
        scores[doc]! += s * idf * weight
      }
    }
    return { docs, scores }
  }

  /** A zeroed score array as long as the document numbers; give it back with `release`. */
  acquire(): Float64Array {
    const capacity = this.entries.length
    const reused = this.pool.pop()
    return reused && reused.length >= capacity ? reused : new Float64Array(capacity + 64)
  }

  release(scored: ScoredDocs): void {
    for (const doc of scored.docs) scored.scores[doc] = 0
    if (this.pool.length < 8) this.pool.push(scored.scores)
  }
}

/** Binary search of a document in a term's postings; its index, or -1. */
function findPosting(list: number[], doc: number): number {
  let low = 0
  let high = list.length / 2 - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const at = list[mid * 2]!
    if (at === doc) return mid * 2
    if (at < doc) low = mid + 1
    else high = mid - 1
  }
  return -1
}

/** Keeps the postings in ascending document order (a reused document number lands inside). */
function insertPosting(list: number[], doc: number, packed: number): void {
  const last = list.length ? list[list.length - 2]! : -1
  if (doc > last) {
    list.push(doc, packed)
    return
  }
  let at = list.length
  while (at > 0 && list[at - 2]! > doc) at -= 2
  list.splice(at, 0, doc, packed)
}
