import type { GraphQLExtension } from 'payload'

import { defaultLocale, type Locale } from '@/core/locales'

import { searchResultsType, searchTypeEnum } from './graphqlTypes'
import { encodeRefusal, SEARCH_REFUSAL_HEADER } from './refusalHeader'
import { runSearch } from './service'
import type { SearchType } from './sources'

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
 * Answers a search; a refusal is null with the reason in a header that the GraphQL route turns
 * into the error and status.
 */
async function resolveSearch(
  _source: unknown,
  args: Args,
  context: Context,
  info: { path: { key: string | number } },
) {
  const outcome = await runSearch({ ...args, locale: args.locale ?? defaultLocale })
  if ('answer' in outcome) return outcome.answer
  const field = String(info.path.key)
  const previous = context.headers[SEARCH_REFUSAL_HEADER]
  const value = encodeRefusal({ ...outcome.refusal, field })
  context.headers[SEARCH_REFUSAL_HEADER] = previous ? `${previous}, ${value}` : value
  return null
}

/**
 * The `search` query for frontends: `search(query, locale, types, limit, page)`. Built with the
 * `graphql` module Payload passes in (one module instance for the whole schema).
 */
export const searchQueries: GraphQLExtension = (GraphQL, { types }) => {
  const { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLString } = GraphQL
  const SearchType = searchTypeEnum(GraphQL)
  return {
    search: {
      type: searchResultsType(GraphQL, SearchType),
      description:
        'Full-text search over published news, projects, people, organizations, events, principles and the declaration, in one locale. Null with an error when refused: 400 (BAD_SEARCH_INPUT) or 503 with Retry-After while the index is being built (SEARCH_UNAVAILABLE).',
      args: {
        query: { type: new GraphQLNonNull(GraphQLString) },
        locale: { type: types.localeInputType ?? GraphQLString },
        types: { type: new GraphQLList(new GraphQLNonNull(SearchType)) },
        limit: { type: GraphQLInt, defaultValue: 10 },
        page: { type: GraphQLInt, defaultValue: 1 },
      },
      extensions: { complexity: SEARCH_COMPLEXITY },
      resolve: resolveSearch,
    },
  }
}
