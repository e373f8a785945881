import type { CollectionSlug, GlobalSlug } from 'payload'

import { paths } from '@/cms/documentPaths'
import type { Locale } from '@/core/locales'

/** What search finds: every public kind of document of the portal. */
export const searchTypes = [
  'news',
  'project',
  'person',
  'organization',
  'event',
  'principle',
  'declaration',
] as const
export type SearchType = (typeof searchTypes)[number]

export const isSearchType = (value: unknown): value is SearchType =>
  searchTypes.includes(value as SearchType)

/** Where a field's words count: title above summary above body. */
export type Weight = 'title' | 'summary' | 'body'

/**
 * A public field whose words are searchable. `text` covers text and textarea fields (Payload's
 * locale fallback also replaces their empty string), `richText` Lexical fields, `list` text
 * fields with `hasMany`.
 */
export type SourceField = {
  name: string
  kind: 'text' | 'richText' | 'list'
  localized: boolean
  weight: Weight
  /** Shown as (part of) the result's title, in order. */
  display?: boolean
}

type Common = {
  type: SearchType
  fields: SourceField[]
  /** A date shown with the result (published, starts). */
  date?: string
  path: (locale: Locale, slug: string | null) => string
}
export type CollectionSource = Common & { collection: CollectionSlug; global?: undefined }
export type GlobalSource = Common & { global: GlobalSlug; collection?: undefined }
export type Source = CollectionSource | GlobalSource

const text = (name: string, weight: Weight, localized = true, display = false): SourceField => ({
  name,
  kind: 'text',
  localized,
  weight,
  display,
})
const richText = (name: string): SourceField => ({
  name,
  kind: 'richText',
  localized: true,
  weight: 'body',
})

const bySlug =
  (page: (locale: Locale, slug: string) => string) => (locale: Locale, slug: string | null) =>
    slug ? page(locale, slug) : paths.home(locale)

/**
 * The searchable fields of each kind: only fields the public reads (never review notes, internal
 * flags or e-mail addresses). Signatories are not searched: they appear on the declaration page,
 * and most are private persons.
 */
export const sources: Source[] = [
  {
    type: 'news',
    collection: 'news',
    date: 'publishedAt',
    fields: [
      text('title', 'title', true, true),
      text('excerpt', 'summary'),
      { name: 'tags', kind: 'list', localized: false, weight: 'summary' },
      richText('body'),
    ],
    path: bySlug(paths.newsItem),
  },
  {
    type: 'project',
    collection: 'projects',
    fields: [text('title', 'title', true, true), text('summary', 'summary'), richText('body')],
    path: bySlug(paths.project),
  },
  {
    type: 'person',
    collection: 'people',
    fields: [
      text('honorific', 'title', false, true),
      text('name', 'title', false, true),
      text('roleTitle', 'summary'),
      richText('bio'),
    ],
    path: bySlug(paths.person),
  },
  {
    type: 'organization',
    collection: 'organizations',
    fields: [
      text('name', 'title', false, true),
      text('shortName', 'title', false),
      richText('description'),
    ],
    path: bySlug(paths.organization),
  },
  {
    type: 'event',
    collection: 'events',
    date: 'startsAt',
    fields: [
      text('title', 'title', true, true),
      text('venue', 'summary', false),
      text('city', 'summary', false),
      richText('description'),
    ],
    path: bySlug(paths.event),
  },
  {
    type: 'principle',
    collection: 'principles',
    fields: [text('title', 'title', true, true), text('summary', 'summary'), richText('body')],
    // Principles have no page of their own: the declaration lists them, each with its slug as id.
    path: (locale, slug) =>
      `${paths.declaration(locale)}${slug ? `#${encodeURIComponent(slug)}` : ''}`,
  },
  {
    type: 'declaration',
    global: 'declaration',
    fields: [
      text('title', 'title', true, true),
      text('subtitle', 'summary'),
      text('callToAction', 'summary'),
      richText('body'),
    ],
    path: (locale) => paths.declaration(locale),
  },
]

export const sourceOf = (type: SearchType): Source => sources.find((s) => s.type === type)!

export const sourceOfCollection = (collection: string): CollectionSource | undefined =>
  sources.find((s): s is CollectionSource => s.collection === collection)

export const sourceOfGlobal = (global: string): GlobalSource | undefined =>
  sources.find((s): s is GlobalSource => s.global === global)
