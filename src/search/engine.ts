import MiniSearch, { type Query, type SearchResult } from 'minisearch'

import { defaultLocale, locales, type Locale } from '@/locales'

import { analyseText } from './analysis/analyzer'
import type { Language } from './analysis/language'
import { sameEntry, type Entry } from './entries'
import { parseQuery, queryLimits, type ParsedQuery, type QueryClause, type QueryWord } from './query'
import { highlightAll, snippet, type HighlightedText } from './snippet'
import { searchTypes, sourceOf, type SearchType } from './sources'

/**
 * How much a match counts by where it is: title above summary above body. Compound parts
 * ("Infrastruktur" inside "Recheninfrastruktur") count least: they are guesses.
 */
export const fieldBoosts = { title: 6, summary: 2.5, body: 1, parts: 0.4 } as const

/** Fuzzy edits allowed for a term: none for short ones, where one edit makes another word. */
export const fuzzyDistance = (term: string): number | false =>
  term.length > queryLimits.maxFuzzyLength
    ? false
    : term.length >= 9
      ? 2
      : term.length >= 5
        ? 1
        : false

/** Prefix matching for the word being typed, from its third letter (shorter ones match too much). */
const MIN_PREFIX = 3

type IndexedDocument = { id: string; title: string; summary: string; body: string; parts: string }

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

const unique = <T>(items: T[]): T[] => [...new Set(items)]

function wordQuery(word: QueryWord, typing: boolean): Query {
  return {
    combineWith: 'OR',
    prefix: typing ? (term: string) => term.length >= MIN_PREFIX : false,
    fuzzy: (term: string) => fuzzyDistance(term),
    queries: unique(typing ? [...word.terms, ...word.spellings] : word.terms),
  }
}

function clauseQuery(clause: QueryClause, typing: boolean): Query {
  if (!clause.parts.length) return wordQuery(clause.whole!, typing)
  const last = clause.parts.length - 1
  const parts: Query = {
    combineWith: 'AND',
    queries: clause.parts.map((part, i) => wordQuery(part, typing && i === last)),
  }
  return {
    combineWith: 'OR',
    queries: clause.whole ? [wordQuery(clause.whole, typing), parts] : [parts],
  }
}

/** Every word must match (AND); each word matches any of its forms (OR). */
function toQuery(parsed: ParsedQuery): Query {
  const last = parsed.clauses.length - 1
  return {
    combineWith: 'AND',
    queries: parsed.clauses.map((clause, i) => clauseQuery(clause, parsed.prefixLast && i === last)),
  }
}

function newIndex(): MiniSearch<IndexedDocument> {
  return new MiniSearch<IndexedDocument>({
    fields: ['title', 'summary', 'body', 'parts'],
    storeFields: [],
    // Documents arrive analysed (terms joined by spaces), queries as single terms.
    tokenize: (text) => (text ? text.split(' ') : []),
    processTerm: (term) => term,
    searchOptions: {
      tokenize: (text) => [text],
      processTerm: (term) => term,
      boost: fieldBoosts,
      maxFuzzy: 2,
    },
  })
}

function indexed(entry: Entry): IndexedDocument {
  const parts: string[] = []
  const field = (weight: keyof Entry['fields']) =>
    entry.fields[weight]
      .map(({ text, language }) => {
        const found = analyseText(text, language)
        parts.push(...found.parts)
        return found.terms.join(' ')
      })
      .join(' ')
  return {
    id: entry.key,
    title: field('title'),
    summary: field('summary'),
    body: field('body'),
    parts: parts.join(' '),
  }
}

const typeOrder = new Map(searchTypes.map((type, i) => [type, i]))

/**
 * The search index: per locale, a MiniSearch index of analysed terms and the entries it shows.
 * Everything in it came from Payload's local API as the public reads it, so it behaves the same
 * whichever database is behind Payload.
 */
export class SearchEngine {
  private readonly indexes = new Map<Locale, MiniSearch<IndexedDocument>>()
  private readonly entries = new Map<Locale, Map<string, Entry>>()

  constructor() {
    for (const { code } of locales) {
      this.indexes.set(code, newIndex())
      this.entries.set(code, new Map())
    }
  }

  /** Documents indexed in a locale. */
  size(locale: Locale): number {
    return this.entries.get(locale)!.size
  }

  /** Adds or replaces a document's entries; unchanged ones are left alone. Returns whether any changed. */
  put(entries: Map<Locale, Entry>): boolean {
    let changed = false
    for (const [locale, entry] of entries) {
      const stored = this.entries.get(locale)!
      const previous = stored.get(entry.key)
      if (sameEntry(previous, entry)) continue
      const index = this.indexes.get(locale)!
      if (previous) index.discard(entry.key)
      index.add(indexed(entry))
      stored.set(entry.key, entry)
      changed = true
    }
    return changed
  }

  /** Removes a document from every locale. Returns whether it was there. */
  remove(key: string): boolean {
    let removed = false
    for (const [locale, stored] of this.entries) {
      if (!stored.delete(key)) continue
      this.indexes.get(locale)!.discard(key)
      removed = true
    }
    return removed
  }

  has(key: string): boolean {
    return [...this.entries.values()].some((stored) => stored.has(key))
  }

  search(request: SearchRequest): SearchAnswer {
    const { locale, limit, page } = request
    const parsed = parseQuery(request.query, languagesOf(locale))
    const stored = this.entries.get(locale)!
    const results: (SearchResult & { entry: Entry; rank: number })[] = []
    if (parsed.clauses.length) {
      for (const result of this.indexes.get(locale)!.search(toQuery(parsed))) {
        const entry = stored.get(result.id as string)
        // Scores rounded, then ties broken by kind and slug: the order never depends on the
        // order documents were added in (or on the database's IDs).
        if (entry) results.push({ ...result, entry, rank: Number(result.score.toPrecision(9)) })
      }
    }
    const counts = new Map<SearchType, number>()
    for (const { entry } of results) counts.set(entry.type, (counts.get(entry.type) ?? 0) + 1)
    const wanted = request.types?.length ? new Set(request.types) : null
    const matching = wanted ? results.filter((r) => wanted.has(r.entry.type)) : results
    matching.sort(
      (a, b) =>
        b.rank - a.rank ||
        typeOrder.get(a.entry.type)! - typeOrder.get(b.entry.type)! ||
        ((a.entry.slug ?? a.entry.id) < (b.entry.slug ?? b.entry.id) ? -1 : 1),
    )
    const totalPages = Math.max(1, Math.ceil(matching.length / limit))
    const docs = matching.slice((page - 1) * limit, page * limit).map((result) => {
      const { entry } = result
      const matched = new Set(result.terms)
      return {
        type: entry.type,
        id: entry.id,
        slug: entry.slug,
        path: sourceOf(entry.type).path(locale, entry.slug),
        date: entry.date,
        score: result.rank,
        title: highlightAll(entry.title, matched),
        snippet: snippet([...entry.fields.summary, ...entry.fields.body], matched),
      }
    })
    return {
      docs,
      totalDocs: matching.length,
      limit,
      page,
      totalPages,
      hasNextPage: page < totalPages,
      hasPrevPage: page > 1,
      counts: searchTypes
        .filter((type) => counts.has(type))
        .map((type) => ({ type, count: counts.get(type)! })),
    }
  }
}
