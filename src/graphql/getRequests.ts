import { Kind, parse, type OperationDefinitionNode } from 'graphql'
import crypto from 'node:crypto'
import { processSingleton } from '@/core/processSingleton'

type Handler = (request: Request) => Promise<Response>

const MAX_PERSISTED = 2000
/** Queries registered by hash (Apollo's automatic persisted queries), oldest dropped first. */
const persisted = () => processSingleton('persisted-queries', () => new Map<string, string>())

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex')

/** The query registered under `hash`, if it is still known. */
export const lookupPersistedQuery = (hash: string): string | undefined => persisted().get(hash)

/**
 * Registers `query` under `hash` (as most recently used) when the hash is the query's SHA-256;
 * returns false, registering nothing, when it is not.
 */
export function rememberPersistedQuery(hash: string, query: string): boolean {
  if (sha256(query) !== hash) return false
  const store = persisted()
  store.delete(hash)
  store.set(hash, query)
  if (store.size > MAX_PERSISTED) store.delete(store.keys().next().value as string)
  return true
}

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers })

const failure = (message: string, status: number, code: string, headers?: Record<string, string>) =>
  json({ errors: [{ message, extensions: { code } }] }, status, headers)

function parseJsonParam(value: string | null): { ok: true; value: unknown } | { ok: false } {
  if (value === null || value === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(value) }
  } catch {
    return { ok: false }
  }
}

/** What a GraphQL GET asks, once its parameters are read and a persisted-query hash resolved. */
export type GetRequest = {
  query: string
  variables: unknown
  operationName: string | undefined
  extensions: unknown
}

export type GetResolution =
  { ok: true; request: GetRequest } | { ok: false; status: number; code: string; message: string }

/**
 * Reads a GraphQL GET's `query`, `variables`, `operationName` and `extensions` (the one place
 * that does: the read cache and the route both use it). A persisted-query hash that comes with
 * its query registers the query (when the hash is the query's SHA-256); one that comes alone is
 * looked up. Apollo's clients answer `PersistedQueryNotFound` (a 200) by sending the query too.
 */
export function resolveGetRequest(params: URLSearchParams): GetResolution {
  const variables = parseJsonParam(params.get('variables'))
  const extensions = parseJsonParam(params.get('extensions'))
  if (!variables.ok || !extensions.ok) {
    return {
      ok: false,
      status: 400,
      code: 'BAD_REQUEST',
      message: 'variables and extensions must be JSON',
    }
  }
  const hash = (extensions.value as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery?.sha256Hash
  let query = params.get('query')
  if (typeof hash === 'string') {
    if (query) {
      if (!rememberPersistedQuery(hash, query)) {
        return {
          ok: false,
          status: 400,
          code: 'BAD_REQUEST',
          message: 'provided sha256Hash does not match the query',
        }
      }
    } else {
      query = lookupPersistedQuery(hash) ?? null
      if (!query) {
        return {
          ok: false,
          status: 200,
          code: 'PERSISTED_QUERY_NOT_FOUND',
          message: 'PersistedQueryNotFound',
        }
      }
    }
  }
  if (!query) {
    return {
      ok: false,
      status: 400,
      code: 'BAD_REQUEST',
      message: 'a query (or a known persisted-query hash) is required',
    }
  }
  return {
    ok: true,
    request: {
      query,
      variables: variables.value,
      operationName: params.get('operationName') ?? undefined,
      extensions: extensions.value,
    },
  }
}

/** The POST body that asks what a GET asked (Payload's handler takes POSTs only). */
export const postBodyOf = ({ query, variables, operationName }: GetRequest): string =>
  JSON.stringify({ query, variables, operationName })

function operationOf(query: string, operationName: string | null): OperationDefinitionNode | null {
  const operations = parse(query).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )
  if (operationName) return operations.find((op) => op.name?.value === operationName) ?? null
  return operations.length === 1 ? operations[0]! : null
}

/**
 * GraphQL over GET, so browsers and CDNs can cache reads: `query`, `variables`, `operationName`
 * and `extensions` in the URL, with persisted-query hashes in the style of Apollo's automatic
 * persisted queries (`extensions={"persistedQuery":{"version":1,"sha256Hash":"…"}}`). Mutations
 * are refused over GET. The request is then answered by the same handler as a POST.
 */
export function graphqlOverGet(post: Handler): Handler {
  return async (request) => {
    const url = new URL(request.url)
    const resolved = resolveGetRequest(url.searchParams)
    if (!resolved.ok) return failure(resolved.message, resolved.status, resolved.code)
    const { query, operationName } = resolved.request

    let operation: OperationDefinitionNode | null
    try {
      operation = operationOf(query, operationName ?? null)
    } catch (error) {
      return failure(`Syntax error: ${(error as Error).message}`, 400, 'GRAPHQL_PARSE_FAILED')
    }
    if (operation?.operation === 'mutation') {
      return failure('Mutations are accepted over POST only', 405, 'METHOD_NOT_ALLOWED', {
        Allow: 'POST',
      })
    }

    const headers = new Headers(request.headers)
    headers.set('Content-Type', 'application/json')
    headers.delete('Content-Length')
    return post(
      new Request(`${url.origin}${url.pathname}`, {
        method: 'POST',
        headers,
        body: postBodyOf(resolved.request),
      }),
    )
  }
}
