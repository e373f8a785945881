import { fold, spellings } from './fold'
import { compoundRules, stem, type Language } from './language'
import { isStopword } from './stopwords'
import { joined, tokenize, type Token } from './tokens'

/** Words longer than this are not words (hashes, run-together junk) and are not indexed. */
export const MAX_INDEXED_WORD = 64

/** The index terms of one word: its stems, and where it is a closed compound, its parts. */
export type WordTerms = { terms: string[]; parts: string[] }

const noTerms: WordTerms = { terms: [], parts: [] }

// Words repeat across documents and queries: analysing each distinct word once per language
// saves most of the stemming. Bounded (queries are hostile input), and emptied after a build,
// whose rare words (names, numbers) would otherwise stay.
const CACHE_LIMIT = 20_000
const cache = new Map<string, WordTerms>()

function remember(key: string, value: WordTerms): WordTerms {
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(key, value)
  return value
}

export function forgetAnalysedWords(): void {
  cache.clear()
}

/** Worth indexing: not a stop word, not a lone letter (digits count: "5"), not overlong. */
export function meaningful(folded: string, language: Language): boolean {
  if (folded.length > MAX_INDEXED_WORD) return false
  if (folded.length < 2 && !/\d/.test(folded)) return false
  return !isStopword(folded, language)
}

/** The endings of a closed compound that may be words of their own (see `compoundRules`). */
function compoundParts(stemmed: string, language: Language): string[] {
  const rule = compoundRules[language]
  if (!rule || stemmed.length < rule.minWord || /\d/.test(stemmed)) return []
  const parts: string[] = []
  for (let start = rule.minModifier; stemmed.length - start >= rule.minHead; start++) {
    parts.push(stemmed.slice(start))
  }
  return parts
}

/**
 * The index terms of one word as written in `language`: the stem of each of its spellings
 * (ä as written, as ae and as a), and the compound parts of each stem.
 */
export function wordTerms(word: string, language: Language): WordTerms {
  const key = `${language}:${word}`
  const known = cache.get(key)
  if (known) return known
  const folded = fold(word)
  if (!meaningful(folded, language)) return remember(key, noTerms)
  const terms = new Set<string>()
  const parts = new Set<string>()
  for (const spelling of spellings(folded)) {
    const stemmed = stem[language](spelling)
    terms.add(stemmed)
    for (const part of compoundParts(stemmed, language)) parts.add(part)
  }
  for (const term of terms) parts.delete(term)
  return remember(key, { terms: [...terms], parts: [...parts] })
}

/**
 * The terms of one token: a plain word's own, or for a hyphenated compound those of each part
 * and of the parts written together, so "Rechen-Infrastruktur" and "Recheninfrastruktur" meet.
 */
export function tokenTerms(token: Token, language: Language): WordTerms {
  if (!token.parts.length) return wordTerms(token.text, language)
  const terms = new Set<string>()
  const parts = new Set<string>()
  for (const piece of [...token.parts.map((p) => p.text), joined(token)]) {
    const found = wordTerms(piece, language)
    for (const term of found.terms) terms.add(term)
    for (const part of found.parts) parts.add(part)
  }
  for (const term of terms) parts.delete(term)
  return { terms: [...terms], parts: [...parts] }
}

/** The index terms of a whole text written in `language`, in order, repeats kept (for BM25). */
export function analyseText(text: string, language: Language): WordTerms {
  const terms: string[] = []
  const parts: string[] = []
  for (const token of tokenize(text)) {
    const found = tokenTerms(token, language)
    terms.push(...found.terms)
    parts.push(...found.parts)
  }
  return { terms, parts }
}
