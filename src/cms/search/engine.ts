import { defaultLocale, locales, type Locale } from '@/core/locales'

import { analyseText } from './analysis/analyzer'
import type { Language } from './analysis/language'
import { storedEntry, storedText, type Entry, type StoredEntry } from './entries'
import { FIELDS, InvertedIndex, type AnalysedDocument } from './index/invertedIndex'
import { evaluate, planTerms, queryPlan } from './index/plan'
import { parseQuery } from './query'
import { highlightAll, snippet, type HighlightedText } from './snippet'
import { searchTypes, sourceOf, type SearchType } from './sources'

/**
 * How much a match counts by where it is: title above summary above body. Compound parts
 * ("Infrastruktur" inside "Recheninfrastruktur") count least: they are guesses.
 */
export const fieldBoosts = { title: 6, summary: 2.5, body: 1, parts: 0.4 } as const
const boosts = FIELDS.map((field) => fieldBoosts[field])

export type SearchHit = {
  type: SearchType
  id: string
  slug: string | null
  /** The page that shows the document, in the searched locale. */
  path: string
  date: string | null
  score: number
  title: HighlightedText
  snippet: HighlightedText | null
}

export type SearchRequest = {
  query: string
  locale: Locale
  /** Only these kinds; empty or absent: all. */
  types?: SearchType[]
  limit: number
  page: number
}

export type SearchAnswer = {
  docs: SearchHit[]
  totalDocs: number
  limit: number
  page: number
  totalPages: number
  hasNextPage: boolean
  hasPrevPage: boolean
  /** Matches per kind before the type filter, for "News (12)" tabs. */
  counts: { type: SearchType; count: number }[]
}

/** The languages a locale's texts may be written in: its own, and the fallback's. */
export const languagesOf = (locale: Locale): Language[] =>
  locale === defaultLocale ? [locale] : [locale, defaultLocale]

function analysed(entry: Entry): AnalysedDocument {
  const parts: string[] = []
  const field = (weight: keyof Entry['fields']) =>
    entry.fields[weight].flatMap(({ text, language }) => {
      const found = analyseText(text, language)
      parts.push(...found.parts)
      return found.terms
    })
  return { title: field('title'), summary: field('summary'), body: field('body'), parts }
}

/**
 * The order among equal scores, lower first: newer first (news by publication, events by their
 * start), then by a fixed hash of kind and slug. Never the database's IDs or the order documents
 * were added in, which differ between databases and between a build and later updates.
 */
function tieOrder(entry: StoredEntry): number {
  const seconds = entry.date ? Math.floor(Date.parse(entry.date) / 1000) || 0 : 0
  let hash = 0
  for (let i = 0; i < entry.order.length; i++) hash = (hash * 31 + entry.order.charCodeAt(i)) >>> 0
  // Seconds (about 2^31) and 21 bits of hash fit a double exactly.
  return -seconds + (hash % 2 ** 21) / 2 ** 21
}

/**
 * The best `count` documents, best first, by a comparison that is total: the same query over
 * the same documents gives the same order (and so the same pages) whatever came before.
 */
function best(docs: number[], count: number, better: (a: number, b: number) => boolean): number[] {
  if (docs.length <= count * 4)
    return [...docs].sort((a, b) => (better(a, b) ? -1 : 1)).slice(0, count)
  // A bounded heap whose root is the worst of the best so far.
  const heap: number[] = []
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let worst = i
      if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l
      if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r
      if (worst === i) return
      ;[heap[i], heap[worst]] = [heap[worst]!, heap[i]!]
      i = worst
    }
  }
  for (const doc of docs) {
    if (heap.length < count) {
      heap.push(doc)
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1
        if (!better(heap[parent]!, heap[i]!)) break
        ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
        i = parent
      }
    } else if (better(doc, heap[0]!)) {
      heap[0] = doc
      down(0)
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1))
}

/** One found document as the answer shows it: where it is, its score, and its matches marked. */
function searchHit(
  index: InvertedIndex,
  doc: number,
  terms: number[],
  score: number,
  locale: Locale,
): SearchHit {
  const entry = index.entries[doc]!
  const matched = new Set(
    terms.filter((term) => index.contains(term, doc)).map((term) => index.terms[term]!),
  )
  return {
    type: entry.type,
    id: entry.id,
    slug: entry.slug,
    path: sourceOf(entry.type).path(locale, entry.slug),
    date: entry.date,
    score: Math.round(score * 1e6) / 1e6,
    title: highlightAll(storedText(entry, -1, locale), matched),
    snippet: snippet(
      entry.passages.map((_, i) => storedText(entry, i, locale)),
      matched,
    ),
  }
}

/**
 * The search index: per locale, an inverted index of analysed terms and the entries it shows.
 * Everything in it came from Payload's local API as the public reads it, so it behaves the same
 * whichever database is behind Payload.
 */
export class SearchEngine {
  private readonly indexes = new Map<Locale, InvertedIndex>(
    locales.map(({ code }) => [code, new InvertedIndex()]),
  )

  /** Documents indexed in a locale. */
  size(locale: Locale): number {
    return this.indexes.get(locale)!.size
  }

  /** Adds or replaces a document's entries; unchanged ones are left alone. Returns whether any changed. */
  put(entries: Map<Locale, Entry>): boolean {
    let changed = false
    for (const [locale, entry] of entries) {
      const index = this.indexes.get(locale)!
      const doc = index.docOf(entry.key)
      const next = storedEntry(entry, locale)
      if (doc !== undefined && index.entries[doc]?.fingerprint === next.fingerprint) continue
      index.add(entry.key, next, analysed(entry), {
        kind: searchTypes.indexOf(entry.type),
        tie: tieOrder(next),
      })
      changed = true
    }
    return changed
  }

  /** Removes a document from every locale. Returns whether it was there. */
  remove(key: string): boolean {
    let removed = false
    for (const index of this.indexes.values()) removed = index.remove(key) || removed
    return removed
  }

  search(request: SearchRequest): SearchAnswer {
    const { locale, limit, page } = request
    const index = this.indexes.get(locale)!
    const parsed = parseQuery(request.query, languagesOf(locale))
    const plan = parsed.clauses.length ? queryPlan(index, parsed) : null
    const scored = plan ? evaluate(index, plan, boosts, null) : null
    try {
      const counts = new Int32Array(searchTypes.length)
      const wanted = request.types?.length
        ? searchTypes.map((type) => request.types!.includes(type))
        : null
      const matching: number[] = []
      const { kinds, ties } = index
      for (const doc of scored?.docs ?? []) {
        const kind = kinds[doc]!
        counts[kind]! += 1
        if (!wanted || wanted[kind]) matching.push(doc)
      }
      const scores = scored?.scores
      const better = (a: number, b: number) =>
        scores![a]! > scores![b]! ||
        (scores![a] === scores![b] &&
          (ties[a]! < ties[b]! ||
            (ties[a] === ties[b] && index.entries[a]!.order < index.entries[b]!.order)))
      const ranked = best(matching, page * limit, better)
      const terms = plan ? planTerms(plan) : []
      const docs = ranked
        .slice((page - 1) * limit)
        .map((doc) => searchHit(index, doc, terms, scores![doc]!, locale))
      const totalPages = Math.max(1, Math.ceil(matching.length / limit))
      return {
        docs,
        totalDocs: matching.length,
        limit,
        page,
        totalPages,
        hasNextPage: page < totalPages,
        hasPrevPage: page > 1,
        counts: searchTypes
          .map((type, kind) => ({ type, count: counts[kind]! }))
          .filter(({ count }) => count > 0),
      }
    } finally {
      if (scored) index.release(scored)
    }
  }
}
