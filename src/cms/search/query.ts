import { meaningful, MAX_INDEXED_WORD, wordTerms } from './analysis/analyzer'
import { fold, spellings } from './analysis/fold'
import type { Language } from './analysis/language'
import { joined, tokenize } from './analysis/tokens'

/**
 * What a search may ask. Queries are public input: their length, the number of their words and
 * the length of each word are bounded, so the work of one search (above all fuzzy matching,
 * which grows with word length and count) stays small whatever is sent.
 */
export const queryLimits = {
  /** Characters of the whole query; longer ones are refused (400), not cut. */
  maxLength: 200,
  /** Words used (compound parts count); further words are ignored. */
  maxWords: 8,
  /** Longer words are not words and are ignored (the index skips them as well). */
  maxWordLength: MAX_INDEXED_WORD,
  /** Typo tolerance only for stems of this length or less: fuzzy matching costs grow with it. */
  maxFuzzyLength: 24,
} as const

/** A refusal of the query itself, with a message for the visitor or the frontend. */
export class SearchQueryError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SearchQueryError'
  }
}

/** Why a query is refused, or null. */
export function queryProblem(input: string): string | null {
  return input.trim().length > queryLimits.maxLength
    ? `The search query is longer than ${queryLimits.maxLength} characters`
    : null
}

/** One word of the query: the terms it matches exactly, and the spellings for prefix matching. */
export type QueryWord = { terms: string[]; spellings: string[] }

/**
 * One written word of the query. A hyphenated compound matches either written together (its
 * `whole`) or as all of its parts; a plain word has only `whole`.
 */
export type QueryClause = { whole: QueryWord | null; parts: QueryWord[] }

export type ParsedQuery = {
  clauses: QueryClause[]
  /** The query ends in a word being typed: its last word also matches as a prefix. */
  prefixLast: boolean
}

function queryWord(text: string, languages: Language[]): QueryWord | null {
  const folded = fold(text)
  if (folded.length > queryLimits.maxWordLength) return null
  // Dropped when it carries no meaning in any language it may meet (AND would find nothing).
  if (languages.some((language) => !meaningful(folded, language))) return null
  const terms = new Set<string>()
  for (const language of languages)
    for (const term of wordTerms(text, language).terms) terms.add(term)
  return { terms: [...terms], spellings: spellings(folded) }
}

/**
 * Turns what a visitor typed into words to look up, each analysed with the rules of every
 * language the searched texts may be written in (`languages`: the locale's own, then the
 * fallback's). Operators and punctuation carry no meaning: AND, OR, quotes, `*`, `~` and the
 * like are separators (or, as words, just words).
 */
export function parseQuery(input: string, languages: Language[]): ParsedQuery {
  const problem = queryProblem(input)
  if (problem) throw new SearchQueryError(problem)
  const text = input.trim()
  const clauses: QueryClause[] = []
  let words = 0
  for (const token of tokenize(text)) {
    if (words >= queryLimits.maxWords) break
    const pieces = token.parts.length ? token.parts : [token]
    const parts = pieces
      .slice(0, queryLimits.maxWords - words)
      .map((piece) => queryWord(piece.text, languages))
      .filter((word): word is QueryWord => word !== null)
    const whole = token.parts.length ? queryWord(joined(token), languages) : null
    if (!parts.length && !whole) continue
    words += Math.max(parts.length, 1)
    clauses.push(token.parts.length ? { whole, parts } : { whole: parts[0]!, parts: [] })
  }
  // A query that ends in a separator ("modell ") is finished; otherwise the last word may be
  // half typed.
  const prefixLast = /[\p{L}\p{N}\p{M}]$/u.test(input)
  return { clauses, prefixLast }
}
