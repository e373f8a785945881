import { Kind, parse, type OperationDefinitionNode } from 'graphql'
import crypto from 'node:crypto'

type Handler = (request: Request) => Promise<Response>

const MAX_PERSISTED = 2000
const KEY = Symbol.for('initiative-portal.persisted-queries')
type Holder = { [KEY]?: Map<string, string> }

/** Queries registered by hash (Apollo's automatic persisted queries), oldest dropped first. */
function persisted(): Map<string, string> {
  const holder = globalThis as Holder
  holder[KEY] ??= new Map()
  return holder[KEY]
}

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
    const params = url.searchParams
    const variables = parseJsonParam(params.get('variables'))
    const extensions = parseJsonParam(params.get('extensions'))
    if (!variables.ok || !extensions.ok) {
      return failure('variables and extensions must be JSON', 400, 'BAD_REQUEST')
    }
    const hash = (extensions.value as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
      ?.persistedQuery?.sha256Hash
    let query = params.get('query')
    if (typeof hash === 'string') {
      if (query) {
        if (!rememberPersistedQuery(hash, query)) {
          return failure('provided sha256Hash does not match the query', 400, 'BAD_REQUEST')
        }
      } else {
        query = lookupPersistedQuery(hash) ?? null
        // Apollo's clients answer this by sending the query with its hash.
        if (!query) return failure('PersistedQueryNotFound', 200, 'PERSISTED_QUERY_NOT_FOUND')
      }
    }
    if (!query)
      return failure('a query (or a known persisted-query hash) is required', 400, 'BAD_REQUEST')

    let operation: OperationDefinitionNode | null
    try {
      operation = operationOf(query, params.get('operationName'))
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
        body: JSON.stringify({
          query,
          variables: variables.value,
          operationName: params.get('operationName') ?? undefined,
        }),
      }),
    )
  }
}
