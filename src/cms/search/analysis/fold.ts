/**
 * Character folding shared by every language: what a visitor types and what an editor wrote
 * must meet on the same letters whatever the keyboard, the Unicode form or the case.
 */

const umlauts: Record<string, { ae: string; a: string }> = {
  ä: { ae: 'ae', a: 'a' },
  ö: { ae: 'oe', a: 'o' },
  ü: { ae: 'ue', a: 'u' },
}

/**
 * Lower case in composed form (NFKC also folds ligatures and full-width letters), ß as ss, and
 * every accent dropped except the German umlauts, which stay: whether "ä" is to be read as "ae"
 * or as "a" is decided by `spellings`, and only for words that were written with an umlaut.
 */
export function fold(word: string): string {
  const lower = word.normalize('NFKC').toLowerCase().replace(/ß/g, 'ss')
  // Decomposed only where there is something to drop, so plain ASCII stays cheap.
  if (/^[\x00-\x7f]*$/.test(lower)) return lower
  return lower.replace(/[^\x00-\x7f]/g, (letter) =>
    letter in umlauts ? letter : letter.normalize('NFD').replace(/\p{M}/gu, ''),
  )
}

/**
 * The spellings a folded word stands for. A word written with an umlaut is found as written
 * and under both transliterations (ä = ae, ä = a); a word written with "ae" or "a" stands only
 * for itself, so "ae" never meets "a" unless one side wrote "ä".
 */
export function spellings(folded: string): string[] {
  if (!/[äöü]/.test(folded)) return [folded]
  return [
    folded,
    folded.replace(/[äöü]/g, (u) => umlauts[u]!.ae),
    folded.replace(/[äöü]/g, (u) => umlauts[u]!.a),
  ]
}
