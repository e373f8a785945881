import type { CallRefusal, GraphQLCall } from '@/graphql/request/call'
import type { Partition } from '@/data/changes/changeLog'

import { canonicalJson } from './canonicalJson'

/** What a GraphQL call is to the cache: a read with its key, or something never stored. */
export type GraphQLRead =
  { cacheable: true; key: string; partition: Partition } | { cacheable: false; reason: string }

/** Request headers a GraphQL answer varies on: CORS by Origin, the media type by Accept. */
export const GRAPHQL_VARY = ['origin', 'accept'] as const

/** The parameters of a GraphQL POST's URL that Payload reads (the locales); the rest change nothing. */
const URL_PARAMETERS = ['locale', 'fallback-locale', 'fallbackLocale'] as const

/** The part of a GraphQL call's query string its answer depends on, in a fixed order. */
function searchKey(search: string): string {
  const params = new URLSearchParams(search)
  return URL_PARAMETERS.map((name) => `${name}=${params.get(name) ?? ''}`).join('&')
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Keys already worked out per call and header values: a call is shared by equal requests. */
const known = new WeakMap<GraphQLCall, Map<string, GraphQLRead>>()
const VARIANTS_PER_CALL = 8

/**
 * The key of a call's answer: the normalised document, the declared variables sent, the
 * operation name, and what else the answer depends on (the URL's and the body's locales,
 * `extensions`, Origin and Accept). Never cached: refused calls, mutations, drafts.
 */
export function graphqlRead(
  call: GraphQLCall | CallRefusal,
  header: (name: string) => string,
): GraphQLRead {
  if (call.refused) return { cacheable: false, reason: call.message }
  const headerValues = GRAPHQL_VARY.map(header)
  const variant = headerValues.join('\u0000')
  const reads = known.get(call) ?? new Map<string, GraphQLRead>()
  const remembered = reads.get(variant)
  if (remembered) return remembered
  const read = classify(call, headerValues)
  if (reads.size >= VARIANTS_PER_CALL) reads.clear()
  reads.set(variant, read)
  known.set(call, reads)
  return read
}

function classify({ body, search, parsed }: GraphQLCall, headerValues: string[]): GraphQLRead {
  if (!isObject(body)) return { cacheable: false, reason: 'body is not a JSON object' }
  const { variables, operationName, extensions, locale, fallbackLocale } = body
  if (!parsed) return { cacheable: false, reason: 'no query' }
  if (!parsed.ok) return { cacheable: false, reason: 'unparsable query' }
  if (variables !== undefined && variables !== null && !isObject(variables)) {
    return { cacheable: false, reason: 'variables are not an object' }
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return { cacheable: false, reason: 'operationName is not a string' }
  }
  if (parsed.writes) return { cacheable: false, reason: 'mutation' }
  const sent = (variables ?? {}) as Record<string, unknown>
  // Variables the document does not declare change nothing: they are not part of the key.
  const given = Object.fromEntries(
    Object.entries(sent).filter(([name]) => parsed.declaredVariables.has(name)),
  )
  const draft =
    parsed.alwaysDraft ||
    [...parsed.draftVariables].some(([name, fallback]) =>
      Boolean(name in given ? given[name] : fallback),
    )
  if (draft) return { cacheable: false, reason: 'draft' }
  const context = [
    searchKey(search),
    extensions ?? null,
    locale ?? null,
    fallbackLocale ?? null,
    body['fallback-locale'] ?? null,
    ...headerValues,
  ]
  return {
    cacheable: true,
    key: canonicalJson(['graphql', parsed.normalized, given, operationName ?? null, ...context]),
    partition: parsed.searches ? 'search' : 'main',
  }
}
