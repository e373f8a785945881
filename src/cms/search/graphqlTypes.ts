import type { GraphQLNullableType } from 'graphql'
import type { GraphQLExtension } from 'payload'

import { searchTypes } from './sources'

/** The `graphql` module Payload passes to query extensions (one instance for the whole schema). */
export type GraphQLModule = Parameters<GraphQLExtension>[0]

const nonNullOf =
  ({ GraphQLNonNull }: GraphQLModule) =>
  <T extends GraphQLNullableType>(type: T) =>
    new GraphQLNonNull(type)

/** The kinds of document search finds, as an enum. */
export function searchTypeEnum({ GraphQLEnumType }: GraphQLModule) {
  return new GraphQLEnumType({
    name: 'SearchType',
    description: 'A kind of document search finds.',
    values: Object.fromEntries(searchTypes.map((type) => [type, { value: type }])),
  })
}

/** Text with its matches marked. */
function searchTextType(GraphQL: GraphQLModule) {
  const { GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLString } = GraphQL
  const nonNull = nonNullOf(GraphQL)
  const SearchHighlight = new GraphQLObjectType({
    name: 'SearchHighlight',
    description: 'A matched stretch of a text, in UTF-16 code units (JavaScript string offsets).',
    fields: { start: { type: nonNull(GraphQLInt) }, length: { type: nonNull(GraphQLInt) } },
  })
  return new GraphQLObjectType({
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
}

/** One found document. */
function searchHitType(GraphQL: GraphQLModule, SearchType: ReturnType<typeof searchTypeEnum>) {
  const { GraphQLFloat, GraphQLObjectType, GraphQLString } = GraphQL
  const nonNull = nonNullOf(GraphQL)
  const SearchText = searchTextType(GraphQL)
  return new GraphQLObjectType({
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
}

/** A page of found documents, with the counts per kind. */
export function searchResultsType(
  GraphQL: GraphQLModule,
  SearchType: ReturnType<typeof searchTypeEnum>,
) {
  const { GraphQLBoolean, GraphQLInt, GraphQLList, GraphQLObjectType } = GraphQL
  const nonNull = nonNullOf(GraphQL)
  const SearchHit = searchHitType(GraphQL, SearchType)
  const SearchTypeCount = new GraphQLObjectType({
    name: 'SearchTypeCount',
    fields: { type: { type: nonNull(SearchType) }, count: { type: nonNull(GraphQLInt) } },
  })
  return new GraphQLObjectType({
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
}
