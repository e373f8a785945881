const germanLetters: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  Ä: 'ae',
  Ö: 'oe',
  Ü: 'ue',
  ß: 'ss',
  ẞ: 'ss',
}

/**
 * Turns a (German) title into a URL slug: umlauts and ß transliterated the German way (composed
 * or decomposed), other accents dropped, lower case, words joined by single hyphens.
 */
export function slugify(text: string): string {
  return (
    text
      // Composed first: "a" + U+0308 (as macOS keyboards and some editors write ä) is still ä.
      .normalize('NFC')
      .replace(/[äöüÄÖÜßẞ]/g, (letter) => germanLetters[letter] ?? letter)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' und ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 96)
      .replace(/-+$/, '')
  )
}
