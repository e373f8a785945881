/**
 * Splitting text into words, with their positions (for highlighting). A word is a run of letters,
 * digits and combining marks; words joined by hyphens ("Rechen-Infrastruktur",
 * "Open-Source-Modelle") are one compound made of parts. Everything else, operators and
 * punctuation included, separates words and means nothing.
 */

export type Token = {
  /** The word as written. */
  text: string
  /** UTF-16 offset in the source text. */
  start: number
  /** The hyphen-joined parts of a compound, each with its own position; empty for a plain word. */
  parts: Token[]
}

const word = /[\p{L}\p{N}\p{M}]+(?:[-‐‑][\p{L}\p{N}\p{M}]+)*/gu
const hyphen = /[-‐‑]/

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(word)) {
    tokens.push(toToken(match[0], match.index))
  }
  return tokens
}

function toToken(text: string, start: number): Token {
  if (!hyphen.test(text)) return { text, start, parts: [] }
  const parts: Token[] = []
  let offset = start
  for (const part of text.split(hyphen)) {
    parts.push({ text: part, start: offset, parts: [] })
    offset += part.length + 1
  }
  return { text, start, parts }
}

/** A compound's parts written together ("Rechen-Infrastruktur" → "RechenInfrastruktur"). */
export const joined = (token: Token): string =>
  token.parts.length ? token.parts.map((p) => p.text).join('') : token.text
