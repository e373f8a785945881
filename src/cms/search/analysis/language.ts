import { stemmer as englishStemmer } from '@orama/stemmers/english'
import { stemmer as germanStemmer } from '@orama/stemmers/german'

import type { Locale } from '@/core/locales'

/** The language a text is written in: one of the portal's locales. */
export type Language = Locale

/**
 * Snowball stemmers (German and Porter2 English, from Orama's maintained ports): "Modelle",
 * "Modellen" and "Modell" share the stem "modell", "models" and "modelling" share "model".
 */
export const stem: Record<Language, (word: string) => string> = {
  de: germanStemmer,
  en: englishStemmer,
}

/**
 * German writes compounds closed ("Recheninfrastruktur"), so a part is found inside a longer
 * word: the word's endings from `minHead` letters on, taken where at least `minModifier` letters
 * precede them. English compounds are mostly written apart and get none.
 */
export const compoundRules: Record<
  Language,
  { minWord: number; minHead: number; minModifier: number } | null
> = {
  de: { minWord: 8, minHead: 4, minModifier: 3 },
  en: null,
}
