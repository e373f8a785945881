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
  | {
      ok: true
      document: DocumentNode
      /** What the rules that read variables said, by the variables' JSON (see `variableErrors`). */
      byVariables: LRUCache<string, readonly GraphQLError[]>
    }
  | { ok: false; errors: readonly GraphQLError[] }

/**
 * Bounds, so clients sending ever new documents cannot grow the memory: the query texts held add
 * up to at most 1 MB (a parsed document takes about ten times its text), and a text larger than
 * 16 KB, far above any frontend operation, is analysed each time it comes instead.
 */
const MAX_TOTAL_CHARS = 1024 * 1024
const MAX_DOCUMENT_CHARS = 16 * 1024
const MAX_DOCUMENTS = 1000
/**
 * Per document, the outcomes for the last 16 sets of variables of at most 1 KB of JSON each: a
 * page sends the same variables for every visitor (locale, today), a search sends new ones.
 */
const MAX_VARIABLE_SETS = 16
const MAX_VARIABLES_CHARS = 1024

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
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, document, byVariables: new LRUCache({ max: MAX_VARIABLE_SETS }) }
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

/**
 * The errors of the rules that read variables (root fields, page sizes, complexity: `check`),
 * remembered for the document and the exact variables sent, which decide them entirely.
 */
export function variableErrors(
  analysed: Extract<AnalysedDocument, { ok: true }>,
  variables: Record<string, unknown> | null | undefined,
  check: () => readonly GraphQLError[],
): readonly GraphQLError[] {
  const key = JSON.stringify(variables ?? {})
  if (key.length > MAX_VARIABLES_CHARS) return check()
  const known = analysed.byVariables.get(key)
  if (known) return known
  const errors = check()
  analysed.byVariables.set(key, errors)
  return errors
}
