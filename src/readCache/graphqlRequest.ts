import {
  Kind,
  parse,
  print,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type ValueNode,
} from 'graphql'

import { postBodyOf, resolveGetRequest } from '@/graphql/getRequests'

import { canonicalJson } from './canonicalJson'
import type { Partition } from '../data/changes/changeLog'

/** What a GraphQL request is to the cache: a read with its key, or something never stored. */
export type GraphQLRead =
  | {
      cacheable: true
      key: string
      partition: Partition
      /** For a GET: the POST body that asks the same (so the request is read only here). */
      postBody?: string
    }
  | { cacheable: false; reason: string }

type Analysis =
  | {
      ok: true
      normalized: string
      /** Any operation other than a query (mutation, subscription) in the document. */
      writes: boolean
      /** A `draft: true` literal (or a value we cannot judge) somewhere in the document. */
      alwaysDraft: boolean
      /** Variables passed to a `draft` argument, with their declared defaults. */
      draftVariables: Map<string, unknown>
      /** Every variable the document declares: the executor reads no other. */
      declaredVariables: Set<string>
      /** It asks the search index (the `search` field): its answer goes to search's budget. */
      searches: boolean
    }
  | { ok: false }

/** Frontends send the same few documents again and again: parse each once. */
const MEMO_ENTRIES = 500
const MEMO_MAX_QUERY = 16 * 1024
const memo = new Map<string, Analysis>()

function analyse(query: string): Analysis {
  const known = memo.get(query)
  if (known) return known
  let document: DocumentNode
  try {
    document = parse(query)
  } catch {
    return { ok: false }
  }
  let writes = false
  let alwaysDraft = false
  const defaults = new Map<string, unknown>()
  const draftVariables = new Map<string, unknown>()
  const declaredVariables = new Set<string>()
  let searches = false
  const judge = (value: ValueNode) => {
    if (value.kind === Kind.VARIABLE) draftVariables.set(value.name.value, undefined)
    else if (value.kind === Kind.BOOLEAN) alwaysDraft ||= value.value
    else if (value.kind !== Kind.NULL) alwaysDraft = true
  }
  visit(document, {
    OperationDefinition(node) {
      if (node.operation !== 'query') writes = true
      for (const definition of node.variableDefinitions ?? []) {
        declaredVariables.add(definition.variable.name.value)
        if (definition.defaultValue) {
          defaults.set(definition.variable.name.value, valueFromASTUntyped(definition.defaultValue))
        }
      }
    },
    Argument(node) {
      if (node.name.value === 'draft') judge(node.value)
    },
    Field(node) {
      if (node.name.value === 'search') searches = true
    },
  })
  for (const name of draftVariables.keys()) draftVariables.set(name, defaults.get(name))
  const analysis: Analysis = {
    ok: true,
    normalized: print(document),
    writes,
    alwaysDraft,
    draftVariables,
    declaredVariables,
    searches,
  }
  if (query.length <= MEMO_MAX_QUERY) {
    if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value as string)
    memo.set(query, analysis)
  }
  return analysis
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

type Parts = {
  query: unknown
  variables: unknown
  operationName: unknown
  /** Everything else the answer could depend on (locale parameters, extensions, Origin, Accept). */
  context: unknown[]
}

function classify({ query, variables, operationName, context }: Parts): GraphQLRead {
  if (typeof query !== 'string' || query === '') return { cacheable: false, reason: 'no query' }
  if (variables !== undefined && variables !== null && !isObject(variables)) {
    return { cacheable: false, reason: 'variables are not an object' }
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return { cacheable: false, reason: 'operationName is not a string' }
  }
  const analysis = analyse(query)
  if (!analysis.ok) return { cacheable: false, reason: 'unparsable query' }
  if (analysis.writes) return { cacheable: false, reason: 'mutation' }
  const sent = (variables ?? {}) as Record<string, unknown>
  // Variables the document does not declare change nothing: they are not part of the key.
  const given = Object.fromEntries(
    Object.entries(sent).filter(([name]) => analysis.declaredVariables.has(name)),
  )
  const draft =
    analysis.alwaysDraft ||
    [...analysis.draftVariables].some(([name, fallback]) =>
      Boolean(name in given ? given[name] : fallback),
    )
  if (draft) return { cacheable: false, reason: 'draft' }
  return {
    cacheable: true,
    key: canonicalJson(['graphql', analysis.normalized, given, operationName ?? null, ...context]),
    partition: analysis.searches ? 'search' : 'main',
  }
}

/** Request headers a GraphQL answer varies on: CORS by Origin, the media type by Accept. */
export const GRAPHQL_VARY = ['origin', 'accept'] as const

type Headers = (name: string) => string

/** The parameters of a GraphQL POST's URL that Payload reads (the locales); the rest change nothing. */
const URL_PARAMETERS = ['locale', 'fallback-locale', 'fallbackLocale'] as const

/** The part of a GraphQL POST's query string its answer depends on, in a fixed order. */
export function graphqlSearchKey(search: string): string {
  const params = new URLSearchParams(search)
  return URL_PARAMETERS.map((name) => `${name}=${params.get(name) ?? ''}`).join('&')
}

/**
 * A POST body (already parsed JSON) and the request's query string: Payload reads `locale` and
 * `fallback-locale` from both, graphql-http reads `extensions` besides the query, its variables
 * and operation name; nothing else in the body or the URL changes the answer, so nothing else
 * is keyed.
 */
export function graphqlPostRead(body: unknown, search: string, header: Headers): GraphQLRead {
  if (!isObject(body)) return { cacheable: false, reason: 'body is not a JSON object' }
  const { query, variables, operationName, extensions, locale, fallbackLocale } = body
  return classify({
    query,
    variables,
    operationName,
    context: [
      graphqlSearchKey(search),
      extensions ?? null,
      locale ?? null,
      fallbackLocale ?? null,
      body['fallback-locale'] ?? null,
      ...GRAPHQL_VARY.map(header),
    ],
  })
}

/**
 * A GraphQL GET, read by the route's own reader (src/graphql/getRequests.ts): a persisted-query
 * hash is resolved here, so the draft check sees the real document, and registered on every
 * request that brings its query, hit or not. A cacheable GET carries the POST body that asks the
 * same, so the express layer hands it to the POST handler and nobody reads the URL again.
 */
export function graphqlGetRead(params: URLSearchParams, header: Headers): GraphQLRead {
  const resolved = resolveGetRequest(params)
  if (!resolved.ok) return { cacheable: false, reason: resolved.message }
  const { query, variables, operationName, extensions } = resolved.request
  const read = classify({
    query,
    variables,
    operationName,
    context: [extensions ?? null, ...GRAPHQL_VARY.map(header)],
  })
  return read.cacheable ? { ...read, postBody: postBodyOf(resolved.request) } : read
}
