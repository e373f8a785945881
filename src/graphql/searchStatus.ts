import { decodeRefusals, SEARCH_REFUSAL_HEADER } from '@/cms/search/refusalHeader'

type Handler = (request: Request) => Promise<Response>

/**
 * A refused `search` gets the HTTP status that says why: 400 for input the client must change,
 * else 503 with `Retry-After` while the index is being built. The resolver leaves its refusal
 * in a private response header (src/cms/search/refusalHeader.ts); here it becomes the status and a
 * GraphQL error `{ message, path, extensions: { code, retryAfter? } }`, and the header goes.
 */
export function withSearchStatus(handler: Handler): Handler {
  return async (request) => {
    const response = await handler(request)
    const header = response.headers.get(SEARCH_REFUSAL_HEADER)
    if (!header) return response
    const refusals = decodeRefusals(header)
    const body = (await response.json().catch(() => ({}))) as { errors?: unknown[] }
    body.errors = [
      ...(body.errors ?? []),
      ...refusals.map(({ field, code, message, retryAfter }) => ({
        message,
        path: [field],
        extensions: { code, ...(retryAfter ? { retryAfter } : {}) },
      })),
    ]
    const headers = new Headers(response.headers)
    headers.delete(SEARCH_REFUSAL_HEADER)
    headers.delete('content-length')
    // The client's mistake first: retrying a bad query later would not help.
    const unavailable = refusals.find((r) => r.status === 503)
    const status = refusals.some((r) => r.status === 400) ? 400 : 503
    if (status === 503 && unavailable?.retryAfter) {
      headers.set('Retry-After', String(unavailable.retryAfter))
    }
    headers.set('Cache-Control', 'no-store')
    return new Response(JSON.stringify(body), { status, headers })
  }
}
