import { LRUCache } from 'lru-cache'

import { processSingleton } from '@/core/processSingleton'

import { parsedDocument, selectedOperation, type DocumentResult } from './documents'
import { lookupPersistedQuery, rememberPersistedQuery } from './persistedQueries'

/**
 * One GraphQL request, read once from the wire whether it came as a POST or a GET, and handed to
 * the read cache (its key), the admission (a mutation is a public write) and execution.
 */
export type GraphQLCall = {
  refused?: undefined
  /** The request as a POST body: graphql-http checks its shape, Payload reads its locales. */
  body: unknown
  /** The URL's query string as Payload reads it (`locale`, `fallback-locale`); '' for a GET. */
  search: string
  /** The query parsed, when the body carries one as a string. */
  parsed: DocumentResult | null
}

/** A request refused before it reaches GraphQL, with GraphQL's error shape. */
export type CallRefusal = {
  refused: true
  status: number
  message: string
  /** GraphQL's `extensions` of the error: its code, and what else a client reads. */
  extensions: { code: string; [detail: string]: unknown }
  headers?: Record<string, string>
}

const refusal = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): CallRefusal => ({ refused: true, status, message, extensions: { code }, headers })

const queryOf = (body: unknown): unknown =>
  typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined

function callOf(body: unknown, search: string): GraphQLCall {
  const query = queryOf(body)
  return { body, search, parsed: typeof query === 'string' ? parsedDocument(query) : null }
}

/**
 * Frontends send the same few bodies again and again: each distinct body (up to 16 KB) is parsed
 * once. The call is shared read-only by every request that sends the same bytes.
 */
const MAX_BODY_CHARS = 16 * 1024
const bodies = () =>
  processSingleton(
    'graphql-bodies',
    () =>
      new LRUCache<string, GraphQLCall>({
        max: 500,
        maxSize: 2 * 1024 * 1024,
        sizeCalculation: (_v, k) => Math.max(1, k.length),
      }),
  )

/** A POST's JSON body and the URL's query string. A body that is no JSON is a 400. */
export function callFromPost(text: string, search: string): GraphQLCall | CallRefusal {
  const memoKey = text.length <= MAX_BODY_CHARS ? `${search}\u0000${text}` : undefined
  const known = memoKey === undefined ? undefined : bodies().get(memoKey)
  if (known) return known
  let body: unknown
  try {
    body = text ? JSON.parse(text) : {}
  } catch {
    // As Payload's own reader answers it (an APIError with its status).
    return {
      ...refusal(400, 'BAD_REQUEST', 'Invalid JSON'),
      extensions: { code: 'BAD_REQUEST', status: 400 },
    }
  }
  const call = callOf(body, search)
  if (memoKey !== undefined) bodies().set(memoKey, call)
  return call
}

function parseJsonParam(value: string | null): { ok: true; value: unknown } | { ok: false } {
  if (value === null || value === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(value) }
  } catch {
    return { ok: false }
  }
}

/**
 * A GET's `query`, `variables`, `operationName` and `extensions`, as the POST that asks the same
 * (the one place that turns a GET into a POST). A persisted-query hash that comes with its query
 * registers the query (when the hash is the query's SHA-256); one that comes alone is looked up,
 * and Apollo's clients answer `PersistedQueryNotFound` (a 200) by sending the query too.
 * Mutations are refused over GET.
 */
export function callFromGet(params: URLSearchParams): GraphQLCall | CallRefusal {
  const variables = parseJsonParam(params.get('variables'))
  const extensions = parseJsonParam(params.get('extensions'))
  if (!variables.ok || !extensions.ok) {
    return refusal(400, 'BAD_REQUEST', 'variables and extensions must be JSON')
  }
  const query = queryOfGet(params.get('query'), extensions.value)
  if (typeof query !== 'string') return query
  const operationName = params.get('operationName') ?? undefined
  const call = callOf(
    { query, variables: variables.value, operationName, extensions: extensions.value },
    '',
  )
  if (call.parsed && !call.parsed.ok) {
    return refusal(400, 'GRAPHQL_PARSE_FAILED', `Syntax error: ${call.parsed.error.message}`)
  }
  if (call.parsed && selectedOperation(call.parsed, operationName)?.operation === 'mutation') {
    return refusal(405, 'METHOD_NOT_ALLOWED', 'Mutations are accepted over POST only', {
      Allow: 'POST',
    })
  }
  return call
}

/** The GET's query text, from the URL or from a persisted-query hash. */
function queryOfGet(query: string | null, extensions: unknown): string | CallRefusal {
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery?.sha256Hash
  if (typeof hash === 'string') {
    if (query) {
      if (!rememberPersistedQuery(hash, query)) {
        return refusal(400, 'BAD_REQUEST', 'provided sha256Hash does not match the query')
      }
      return query
    }
    return (
      lookupPersistedQuery(hash) ??
      refusal(200, 'PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound')
    )
  }
  return (
    query || refusal(400, 'BAD_REQUEST', 'a query (or a known persisted-query hash) is required')
  )
}

/** A refusal as the JSON body GraphQL clients read. */
export const refusalBody = ({ message, extensions }: CallRefusal): string =>
  JSON.stringify({ errors: [{ message, extensions }] })
