import type { ParsedQuery, QueryClause, QueryWord } from '../query'
import { queryLimits } from '../query'
import type { Expansion, InvertedIndex, ScoredDocs } from './invertedIndex'

/** Fuzzy edits allowed for a term: none for short ones, where one edit makes another word. */
export const fuzzyDistance = (term: string): number =>
  term.length > queryLimits.maxFuzzyLength ? 0 : term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0

/** Prefix matching for the word being typed, from its third letter (shorter ones match too much). */
export const MIN_PREFIX = 3

/**
 * How much a match counts through a longer word (prefix) or a near one (typo), against 1 for the
 * word itself; the further away, the less (MiniSearch's weights).
 */
const PREFIX_WEIGHT = 0.375
const FUZZY_WEIGHT = 0.45
/** At most this many index terms per prefix or typo lookup: the most frequent ones. */
const MAX_PREFIX_TERMS = 50
const MAX_FUZZY_TERMS = 20

/** "kaes" and "kas": a typo tolerance must not make "ae" meet "a" (only "ä" meets both). */
const digraphs = (term: string) => term.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u')
const umlautConfusion = (a: string, b: string) => digraphs(a) === digraphs(b)

export type Plan =
  { kind: 'word'; expansions: Expansion[] } | { kind: 'and' | 'or'; children: Plan[] }

function mostFrequent(
  index: InvertedIndex,
  found: [number, number][],
  limit: number,
): [number, number][] {
  if (found.length <= limit) return found
  return [...found]
    .sort(
      (a, b) =>
        index.frequency(b[0]) - index.frequency(a[0]) ||
        (index.terms[a[0]]! < index.terms[b[0]]! ? -1 : 1),
    )
    .slice(0, limit)
}

/** The index terms one query word stands for, each with its weight. */
function wordPlan(index: InvertedIndex, word: QueryWord, typing: boolean): Plan {
  const weights = new Map<number, number>()
  const add = (term: number, weight: number) => {
    if (weight > (weights.get(term) ?? 0)) weights.set(term, weight)
  }
  for (const text of word.terms) {
    const exact = index.vocabulary.get(text)
    if (exact !== undefined) add(exact, 1)
    const distance = fuzzyDistance(text)
    if (!distance) continue
    const near: [number, number][] = []
    for (const [candidate, [term, edits]] of index.vocabulary.fuzzyGet(text, distance)) {
      if (edits > 0 && !umlautConfusion(text, candidate)) {
        near.push([term, FUZZY_WEIGHT * (candidate.length / (candidate.length + edits))])
      }
    }
    for (const [term, weight] of mostFrequent(index, near, MAX_FUZZY_TERMS)) add(term, weight)
  }
  if (typing) {
    for (const prefix of new Set([...word.terms, ...word.spellings])) {
      if (prefix.length < MIN_PREFIX) continue
      const longer: [number, number][] = []
      for (const [candidate, term] of index.vocabulary.atPrefix(prefix)) {
        const extra = candidate.length - prefix.length
        if (extra > 0) {
          longer.push([term, PREFIX_WEIGHT * (candidate.length / (candidate.length + 0.3 * extra))])
        }
      }
      for (const [term, weight] of mostFrequent(index, longer, MAX_PREFIX_TERMS)) add(term, weight)
    }
  }
  // Summed in term order: the same query scores the same however the index was filled.
  const expansions = [...weights]
    .map(([term, weight]) => ({ term, weight }))
    .sort((a, b) => (index.terms[a.term]! < index.terms[b.term]! ? -1 : 1))
  return { kind: 'word', expansions }
}

function clausePlan(index: InvertedIndex, clause: QueryClause, typing: boolean): Plan {
  if (!clause.parts.length) return wordPlan(index, clause.whole!, typing)
  const last = clause.parts.length - 1
  const parts: Plan = {
    kind: 'and',
    children: clause.parts.map((part, i) => wordPlan(index, part, typing && i === last)),
  }
  return clause.whole
    ? { kind: 'or', children: [wordPlan(index, clause.whole, typing), parts] }
    : parts
}

/** Every written word must match (AND); a hyphenated one as a whole or as all of its parts. */
export function queryPlan(index: InvertedIndex, parsed: ParsedQuery): Plan {
  const last = parsed.clauses.length - 1
  return {
    kind: 'and',
    children: parsed.clauses.map((clause, i) =>
      clausePlan(index, clause, parsed.prefixLast && i === last),
    ),
  }
}

/** The index terms of a plan, for marking the matches of a result. */
export function planTerms(plan: Plan): number[] {
  return plan.kind === 'word'
    ? plan.expansions.map((e) => e.term)
    : plan.children.flatMap((child) => planTerms(child))
}

function cost(index: InvertedIndex, plan: Plan): number {
  return plan.kind === 'word'
    ? index.cost(plan.expansions)
    : plan.children.reduce((sum, child) => sum + cost(index, child), 0)
}

/**
 * Scores a plan. AND scores its cheapest part first and each further part only within the
 * documents still in, so a common word next to a rare one costs a scan of its postings and
 * nothing more. Give the result back with `index.release`.
 */
export function evaluate(
  index: InvertedIndex,
  plan: Plan,
  boosts: readonly number[],
  within: Float64Array | null,
): ScoredDocs {
  if (plan.kind === 'word') return index.score(plan.expansions, boosts, within)
  if (plan.kind === 'or') {
    const [first, ...rest] = plan.children.map((child) => evaluate(index, child, boosts, within))
    for (const other of rest) {
      for (const doc of other.docs) {
        if (first!.scores[doc] === 0) first!.docs.push(doc)
        first!.scores[doc]! += other.scores[doc]!
      }
      index.release(other)
    }
    return first!
  }
  const ordered = [...plan.children].sort((a, b) => cost(index, a) - cost(index, b))
  let result = evaluate(index, ordered[0]!, boosts, within)
  for (const child of ordered.slice(1)) {
    if (!result.docs.length) break
    const next = evaluate(index, child, boosts, result.scores)
    for (const doc of next.docs) next.scores[doc]! += result.scores[doc]!
    index.release(result)
    result = next
  }
  return result
}
