import type { GraphQLNullableType } from 'graphql'
import type { GraphQLExtension } from 'payload'

import { defaultLocale, type Locale } from '@/core/locales'

import { encodeRefusal, SEARCH_REFUSAL_HEADER } from './refusalHeader'
import { runSearch } from './service'
import { searchTypes, type SearchType } from './sources'

/**
 * What a search costs in Payload's complexity score, beyond its selection: about a list query
 * with a relationship or two (a search reads no database, but fuzzy matching is real work).
 */
export const SEARCH_COMPLEXITY = 20

type Args = {
  query: string
  locale?: Locale | null
  types?: SearchType[] | null
  limit?: number | null
  page?: number | null
}
type Context = { headers: Record<string, string> }

/**
 * The `search` query for frontends: `search(query, locale, types, limit, page)`. Built with the
 * `graphql` module Payload passes in (one module instance for the whole schema).
 */
export const searchQueries: GraphQLExtension = (GraphQL, { types }) => {
  const {
    GraphQLBoolean,
    GraphQLEnumType,
    GraphQLFloat,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLString,
  } = GraphQL
  const nonNull = <T extends GraphQLNullableType>(type: T) => new GraphQLNonNull(type)

  const SearchType = new GraphQLEnumType({
    name: 'SearchType',
    description: 'A kind of document search finds.',
    values: Object.fromEntries(searchTypes.map((type) => [type, { value: type }])),
  })
  const SearchHighlight = new GraphQLObjectType({
    name: 'SearchHighlight',
    description: 'A matched stretch of a text, in UTF-16 code units (JavaScript string offsets).',
    fields: { start: { type: nonNull(GraphQLInt) }, length: { type: nonNull(GraphQLInt) } },
  })
  const SearchText = new GraphQLObjectType({
    name: 'SearchText',
    description: 'Text with its matches marked.',
    fields: {
      text: { type: nonNull(GraphQLString) },
      language: {
        type: nonNull(GraphQLString),
        description:
          'The language the text is written in (de, en): English results may show German text through the locale fallback.',
      },
      highlights: { type: nonNull(new GraphQLList(nonNull(SearchHighlight))) },
    },
  })
  const SearchHit = new GraphQLObjectType({
    name: 'SearchHit',
    fields: {
      type: { type: nonNull(SearchType) },
      id: { type: nonNull(GraphQLString) },
      slug: { type: GraphQLString },
      path: {
        type: nonNull(GraphQLString),
        description:
          "The portal's page for the document in the searched locale, e.g. /en/projects/soofi.",
      },
      date: { type: GraphQLString, description: 'Published (news) or starts (events), ISO 8601.' },
      score: { type: nonNull(GraphQLFloat) },
      title: { type: nonNull(SearchText) },
      snippet: {
        type: SearchText,
        description:
          'A passage around the first match in the summary or body; null when there is none.',
      },
    },
  })
  const SearchTypeCount = new GraphQLObjectType({
    name: 'SearchTypeCount',
    fields: { type: { type: nonNull(SearchType) }, count: { type: nonNull(GraphQLInt) } },
  })
  const SearchResults = new GraphQLObjectType({
    name: 'SearchResults',
    fields: {
      docs: { type: nonNull(new GraphQLList(nonNull(SearchHit))) },
      totalDocs: { type: nonNull(GraphQLInt) },
      limit: { type: nonNull(GraphQLInt) },
      page: { type: nonNull(GraphQLInt) },
      totalPages: { type: nonNull(GraphQLInt) },
      hasNextPage: { type: nonNull(GraphQLBoolean) },
      hasPrevPage: { type: nonNull(GraphQLBoolean) },
      counts: {
        type: nonNull(new GraphQLList(nonNull(SearchTypeCount))),
        description: 'Matches per kind, before the `types` filter.',
      },
    },
  })

  return {
    search: {
      type: SearchResults,
      description:
        'Full-text search over published news, projects, people, organizations, events, principles and the declaration, in one locale. Null with an error when refused: 400 (BAD_SEARCH_INPUT) or 503 with Retry-After while the index is being built (SEARCH_UNAVAILABLE).',
      args: {
        query: { type: nonNull(GraphQLString) },
        locale: { type: types.localeInputType ?? GraphQLString },
        types: { type: new GraphQLList(nonNull(SearchType)) },
        limit: { type: GraphQLInt, defaultValue: 10 },
        page: { type: GraphQLInt, defaultValue: 1 },
      },
      extensions: { complexity: SEARCH_COMPLEXITY },
      resolve: async (
        _source: unknown,
        args: Args,
        context: Context,
        info: { path: { key: string | number } },
      ) => {
        const outcome = await runSearch({ ...args, locale: args.locale ?? defaultLocale })
        if ('answer' in outcome) return outcome.answer
        const field = String(info.path.key)
        const previous = context.headers[SEARCH_REFUSAL_HEADER]
        const value = encodeRefusal({ ...outcome.refusal, field })
        context.headers[SEARCH_REFUSAL_HEADER] = previous ? `${previous}, ${value}` : value
        return null
      },
    },
  }
}
