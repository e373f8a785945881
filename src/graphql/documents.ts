import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql'
import { LRUCache } from 'lru-cache'

import { documentLimitRules } from './limitRules'

/** A query text, parsed and checked by every rule that depends on the document alone. */
export type AnalysedDocument =
  { ok: true; document: DocumentNode } | { ok: false; errors: readonly GraphQLError[] }

/**
 * Bounds, so clients sending ever new documents cannot grow the memory: the query texts held add
 * up to at most 1 MB (a parsed document takes about ten times its text), and a text larger than
 * 16 KB, far above any frontend operation, is analysed each time it comes instead.
 */
const MAX_TOTAL_CHARS = 1024 * 1024
const MAX_DOCUMENT_CHARS = 16 * 1024
const MAX_DOCUMENTS = 1000

/**
 * One cache per schema: development builds a new schema whenever the config changes, and a
 * document's validity belongs to the schema it was checked against.
 */
const caches = new WeakMap<GraphQLSchema, LRUCache<string, AnalysedDocument>>()

function cacheFor(schema: GraphQLSchema) {
  let cache = caches.get(schema)
  if (!cache) {
    cache = new LRUCache<string, AnalysedDocument>({
      max: MAX_DOCUMENTS,
      maxSize: MAX_TOTAL_CHARS,
      maxEntrySize: MAX_DOCUMENT_CHARS,
      sizeCalculation: (_value, query) => Math.max(1, query.length),
    })
    caches.set(schema, cache)
  }
  return cache
}

/**
 * GraphQL's own rules, the portal's document limits (depth, aliases, directives) and, in
 * production when the config says so, the refusal of introspection: everything that gives the
 * same answer for the same document, whatever the variables.
 */
function documentRules(introspection: boolean): ValidationRule[] {
  return [
    ...specifiedRules,
    ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    ...documentLimitRules(),
  ]
}

function analyse(schema: GraphQLSchema, query: string, introspection: boolean): AnalysedDocument {
  let document: DocumentNode
  try {
    document = parse(query)
  } catch (error) {
    if (error instanceof GraphQLError) return { ok: false, errors: [error] }
    throw error
  }
  const errors = validate(schema, document, documentRules(introspection))
  return errors.length > 0 ? { ok: false, errors } : { ok: true, document }
}

/**
 * The query parsed and validated against everything that depends on the document alone,
 * remembered by its text: a frontend sends the same few operations again and again, and
 * validating one against Payload's large schema cost about a tenth of an uncached request.
 * The parsed document is shared between requests; GraphQL's executor only reads it.
 */
export function analysedDocument(
  schema: GraphQLSchema,
  query: string,
  options: { introspection: boolean },
): AnalysedDocument {
  const cache = cacheFor(schema)
  const key = options.introspection ? query : `\u0000${query}`
  const known = cache.get(key)
  if (known) return known
  const analysed = analyse(schema, query, options.introspection)
  cache.set(key, analysed)
  return analysed
}
