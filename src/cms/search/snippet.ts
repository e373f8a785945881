import { tokenTerms, wordTerms } from './analysis/analyzer'
import type { Language } from './analysis/language'
import { tokenize, type Token } from './analysis/tokens'
import type { SearchText } from './entries'

/** A highlighted stretch of a text, in UTF-16 code units (JavaScript string offsets). */
export type Highlight = { start: number; length: number }

export type HighlightedText = SearchText & { highlights: Highlight[] }

/** Characters of a snippet around its first match. */
export const SNIPPET_CHARS = 180

const hits = (terms: { terms: string[]; parts: string[] }, matched: Set<string>) =>
  terms.terms.some((t) => matched.has(t)) || terms.parts.some((t) => matched.has(t))

/**
 * Where the matched terms occur in a text: each word whose own terms (or compound parts) are
 * among the index terms the search matched. Hyphenated compounds are marked part by part.
 */
function highlightsIn(tokens: Token[], language: Language, matched: Set<string>): Highlight[] {
  const found: Highlight[] = []
  for (const token of tokens) {
    if (!token.parts.length) {
      if (hits(wordTerms(token.text, language), matched))
        found.push({ start: token.start, length: token.text.length })
      continue
    }
    const partHits = token.parts.filter((part) => hits(wordTerms(part.text, language), matched))
    if (partHits.length) {
      for (const part of partHits) found.push({ start: part.start, length: part.text.length })
    } else if (hits(tokenTerms(token, language), matched)) {
      found.push({ start: token.start, length: token.text.length })
    }
  }
  return found
}

/** The whole text with its matches marked (titles). */
export function highlightAll(source: SearchText, matched: Set<string>): HighlightedText {
  return { ...source, highlights: highlightsIn(tokenize(source.text), source.language, matched) }
}

/**
 * A window of about `SNIPPET_CHARS` around the first match in the first text that has one,
 * cut at word boundaries and marked "…" where it was cut; without any match, the start of the
 * first text.
 */
export function snippet(texts: SearchText[], matched: Set<string>): HighlightedText | null {
  for (const source of texts) {
    const tokens = tokenize(source.text)
    const marks = highlightsIn(tokens, source.language, matched)
    if (marks.length) return cut(source, tokens, marks[0]!.start, marks)
  }
  const first = texts[0]
  return first ? cut(first, tokenize(first.text), 0, []) : null
}

function cut(
  source: SearchText,
  tokens: Token[],
  around: number,
  marks: Highlight[],
): HighlightedText {
  const { text } = source
  // Start a little before the match, at the beginning of a word.
  let start = Math.max(0, around - SNIPPET_CHARS / 4)
  if (start > 0) start = tokens.find((t) => t.start >= start)?.start ?? around
  let end = Math.min(text.length, start + SNIPPET_CHARS)
  if (end < text.length) {
    const last = [...tokens].reverse().find((t) => t.start + t.text.length <= end)
    end = last && last.start > start ? last.start + last.text.length : end
  }
  const prefix = start > 0 ? '…' : ''
  const suffix = end < text.length ? '…' : ''
  const shift = prefix.length - start
  return {
    text: `${prefix}${text.slice(start, end)}${suffix}`,
    language: source.language,
    highlights: marks
      .filter((m) => m.start >= start && m.start + m.length <= end)
      .map((m) => ({ start: m.start + shift, length: m.length })),
  }
}
