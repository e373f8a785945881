import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { createHash } from 'node:crypto'

import { defaultLocale, locales, type Locale } from '@/core/locales'

import type { Language } from './analysis/language'
import { searchTypes, type SearchType, type Source, type SourceField, type Weight } from './sources'

/**
 * Characters of one field that are indexed and kept for snippets. Beyond this a body is not
 * searched: it bounds the memory one document can take, whatever an editor pastes.
 */
export const MAX_FIELD_CHARS = 10_000

/** A piece of text and the language it is written in (a fallback shows German in English). */
export type SearchText = { text: string; language: Language }

/** One document as search sees it in one locale: what is matched and what is shown. */
export type Entry = {
  /** `type:id`, unique across the index. */
  key: string
  type: SearchType
  id: string
  slug: string | null
  date: string | null
  title: SearchText
  fields: Record<Weight, SearchText[]>
}

export const entryKey = (type: SearchType, id: string): string => `${type}:${id}`

/** A document as read with `locale: 'all'`: localized fields hold `{ de, en }`. */
export type RawDocument = Record<string, unknown> & { id?: unknown }

/**
 * A localized value in `locale` as Payload serves it with fallback to the default locale (the
 * rule of Payload's afterRead: text and textarea also fall back from an empty string, other
 * fields only from null), with the language the value is actually written in.
 */
function localized(
  value: unknown,
  locale: Locale,
  kind: SourceField['kind'],
): { value: unknown; language: Language } {
  const values = (value ?? {}) as Partial<Record<Locale, unknown>>
  const own = values[locale]
  const missing = own === undefined || own === null || (kind !== 'richText' && own === '')
  const fallback = values[defaultLocale]
  if (locale !== defaultLocale && missing && fallback) {
    return { value: fallback, language: defaultLocale }
  }
  return { value: own, language: locale }
}

/** The quote block's words count as the article's (its person is shown by name elsewhere). */
const plaintextConverters = {
  blocks: {
    personQuote: ({ node }: { node: { fields?: { text?: unknown } } }) =>
      typeof node.fields?.text === 'string' ? node.fields.text : '',
  },
}

function plainText(value: unknown, kind: SourceField['kind']): string {
  let text = ''
  if (kind === 'richText') {
    if (value && typeof value === 'object') {
      text = convertLexicalToPlaintext({
        converters: plaintextConverters as never,
        data: value as never,
      })
    }
  } else if (kind === 'list') {
    text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : ''
  } else if (typeof value === 'string') {
    text = value
  }
  // One line: snippets are shown inline, and their offsets must match what is shown.
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD_CHARS)
}

const asString = (value: unknown): string | null =>
  typeof value === 'string' && value ? value : null

/** One entry per locale for a document read with `locale: 'all'` as the public reads it. */
export function entriesOf(source: Source, doc: RawDocument): Map<Locale, Entry> {
  // A global is one document: its name is its ID (its row ID differs between the databases).
  const id = source.global ?? String(doc.id)
  const result = new Map<Locale, Entry>()
  for (const { code: locale } of locales) {
    const fields: Record<Weight, SearchText[]> = { title: [], summary: [], body: [] }
    const titleParts: string[] = []
    let titleLanguage: Language = locale
    for (const field of source.fields) {
      const { value, language } = field.localized
        ? localized(doc[field.name], locale, field.kind)
        : { value: doc[field.name], language: locale }
      const text = plainText(value, field.kind)
      if (!text) continue
      fields[field.weight].push({ text, language })
      if (field.display) {
        titleParts.push(text)
        if (field.localized) titleLanguage = language
      }
    }
    const slug = asString(doc.slug)
    result.set(locale, {
      key: entryKey(source.type, id),
      type: source.type,
      id,
      slug,
      date: source.date ? asString(doc[source.date]) : null,
      title: { text: titleParts.join(' ') || slug || id, language: titleLanguage },
      fields,
    })
  }
  return result
}

/**
 * What the index keeps of an entry to show it as a result: the text for title and snippet, and
 * little else (26,000 entries of the large data set: every object per entry counts).
 */
export type StoredEntry = {
  type: SearchType
  id: string
  slug: string | null
  date: string | null
  title: string
  /** Summary texts, then body texts: the snippet comes from the first with a match. */
  passages: string[]
  /** The language of the title, then of each passage; null when all are the locale's. */
  languages: Language[] | null
  /** Of everything indexed and shown: a document read again unchanged changes nothing. */
  fingerprint: string
  /** Breaks ties in score by kind, then slug: never by the order documents were added in. */
  order: string
}

export function storedEntry(entry: Entry, locale: Locale): StoredEntry {
  const passages = [...entry.fields.summary, ...entry.fields.body]
  const languages = [entry.title.language, ...passages.map((p) => p.language)]
  return {
    type: entry.type,
    id: entry.id,
    slug: entry.slug,
    date: entry.date,
    title: entry.title.text,
    passages: passages.map((p) => p.text),
    languages: languages.every((l) => l === locale) ? null : languages,
    fingerprint: createHash('sha1').update(JSON.stringify(entry)).digest('base64').slice(0, 16),
    order: `${searchTypes.indexOf(entry.type)}:${entry.slug ?? entry.id}`,
  }
}

/** The title (index -1) or a passage of a stored entry, with its language. */
export function storedText(entry: StoredEntry, index: number, locale: Locale): SearchText {
  return {
    text: index < 0 ? entry.title : entry.passages[index]!,
    language: entry.languages?.[index + 1] ?? locale,
  }
}
