/**
 * What the edge's refusals say, in German and English, with sizes in a person's units. Every
 * refusal of the edge takes its words from here (the page a browser gets, src/edge/refusals/
 * tryAgainPage.ts, has its own); the setting an operator would raise is named in parentheses.
 */
import type { Locale } from '@/core/locales'

import type { BodyClassName } from '../bodyClasses'

export type UrlProblem =
  | 'path too long'
  | 'control characters'
  | 'path escape'
  | 'encoded control characters'
  | 'query escape'
  | 'encoded NUL'
  | 'host'

/** A body over its limit; `size` is null for a chunked body cut off at the limit. */
export type TooLarge = { kind: BodyClassName; size: number | null; limit: number; setting: string }

type Words = {
  tooLarge: (refusal: TooLarge, bytes: (n: number) => string) => string
  bodiesBusy: (seconds: number) => string
  noBoundary: string
  graphqlNotJson: string
  url: (problem: UrlProblem, maxPathLength: number) => string
  noServerAction: string
  readOnly: (method: string) => string
  rateLimited: (scope: 'address' | 'account', seconds: number) => string
  busy: (seconds: number) => string
}

const KIND_DE: Record<BodyClassName, string> = {
  graphql: 'GraphQL-Anfragen',
  'server action': 'Server-Actions',
  multipart: 'Uploads',
  JSON: 'JSON-Anfragen',
  form: 'Formulare',
  other: 'Anfragen dieser Art',
}
const KIND_EN: Record<BodyClassName, string> = {
  graphql: 'GraphQL requests',
  'server action': 'Server actions',
  multipart: 'Uploads',
  JSON: 'JSON requests',
  form: 'Forms',
  other: 'Requests of this kind',
}

const URL_DE: Record<UrlProblem, (max: number) => string> = {
  'path too long': (max) => `Der Pfad ist länger als ${max} Zeichen.`,
  'control characters': () => 'Die Adresse enthält Steuerzeichen.',
  'path escape': () => 'Der Pfad enthält eine fehlerhafte Prozent-Kodierung.',
  'encoded control characters': () => 'Der Pfad enthält kodierte Steuerzeichen.',
  'query escape': () => 'Die Query enthält eine fehlerhafte Prozent-Kodierung.',
  'encoded NUL': () => 'Die Query enthält ein kodiertes NUL-Zeichen.',
  host: () => 'Der Host-Header ist kein Hostname.',
}
const URL_EN: Record<UrlProblem, (max: number) => string> = {
  'path too long': (max) => `The path is longer than ${max} characters.`,
  'control characters': () => 'The URL contains control characters.',
  'path escape': () => 'The path contains a malformed percent-escape.',
  'encoded control characters': () => 'The path contains encoded control characters.',
  'query escape': () => 'The query string contains a malformed percent-escape.',
  'encoded NUL': () => 'The query string contains an encoded NUL.',
  host: () => 'The Host header is not a host name.',
}

const WORDS: Record<Locale, Words> = {
  de: {
    tooLarge: ({ kind, size, limit, setting }, bytes) => {
      const sent = size === null ? `mehr als ${bytes(limit)}` : bytes(size)
      if (kind === 'multipart') {
        return `Die Datei ist zu groß (${sent}). Hochgeladen werden können Dateien bis ${bytes(limit)} (${setting}).`
      }
      return `Die Anfrage ist zu groß (${sent}). ${KIND_DE[kind]} dürfen höchstens ${bytes(limit)} groß sein (${setting}).`
    },
    bodiesBusy: (seconds) =>
      `Das Portal nimmt gerade zu viele Daten auf einmal an. Bitte versuchen Sie es in ${seconds} Sekunden noch einmal.`,
    noBoundary: 'Ein multipart/form-data-Body braucht einen boundary-Parameter.',
    graphqlNotJson: 'GraphQL-Anfragen werden als application/json gesendet.',
    url: (problem, max) => URL_DE[problem](max),
    noServerAction: 'Diese Server-Action gibt es hier nicht.',
    readOnly: (method) => `${method} ist hier nicht möglich: Diese Seite kann nur gelesen werden.`,
    rateLimited: (scope, seconds) =>
      `Zu viele Anfragen ${scope === 'address' ? 'von dieser Adresse' : 'für dieses Konto'}. Bitte versuchen Sie es in ${seconds} Sekunden noch einmal.`,
    busy: (seconds) =>
      `Das Portal ist gerade ausgelastet. Bitte versuchen Sie es in ${seconds} Sekunden noch einmal.`,
  },
  en: {
    tooLarge: ({ kind, size, limit, setting }, bytes) => {
      const sent = size === null ? `more than ${bytes(limit)}` : bytes(size)
      if (kind === 'multipart') {
        return `The file is too large (${sent}). Files of up to ${bytes(limit)} can be uploaded (${setting}).`
      }
      return `The request is too large (${sent}). ${KIND_EN[kind]} may have at most ${bytes(limit)} (${setting}).`
    },
    bodiesBusy: (seconds) =>
      `The portal is receiving too much data at once. Please try again in ${seconds} seconds.`,
    noBoundary: 'A multipart/form-data body needs a boundary parameter.',
    graphqlNotJson: 'GraphQL requests are sent as application/json.',
    url: (problem, max) => URL_EN[problem](max),
    noServerAction: 'There is no such server action here.',
    readOnly: (method) => `${method} is not accepted here: this page is read-only.`,
    rateLimited: (scope, seconds) =>
      `Too many requests ${scope === 'address' ? 'from this address' : 'for this account'}. Please try again in ${seconds} seconds.`,
    busy: (seconds) => `The portal is busy right now. Please try again in ${seconds} seconds.`,
  },
}

const KIB = 1024
const MIB = 1024 * 1024

/**
 * A size as a person reads it: "15 MB", "17,5 MB", "64 KB", "512 Byte". MB and KB are the binary
 * units the settings and docs/limits.md use (UPLOAD_MAX_BYTES = 15 MB = 15 × 1024 × 1024 bytes).
 */
export function personBytes(bytes: number, language: Locale): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 })
  if (bytes >= MIB) return `${number.format(bytes / MIB)} MB`
  if (bytes >= KIB) return `${number.format(bytes / KIB)} KB`
  return `${number.format(bytes)} ${language === 'de' ? 'Byte' : 'bytes'}`
}

/** The words of one language, with sizes already in its units. */
export function wordsIn(language: Locale): Omit<Words, 'tooLarge'> & {
  tooLarge: (refusal: TooLarge) => string
} {
  const words = WORDS[language]
  return {
    ...words,
    tooLarge: (refusal) => words.tooLarge(refusal, (n) => personBytes(n, language)),
  }
}
