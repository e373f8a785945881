import { LIMIT_CODE } from './limits'

type Handler = (request: Request) => Promise<Response>

/**
 * Payload's GraphQL route answers validation failures with 200 or 400 depending on the Accept
 * header. A request refused by one of our limits always gets 400, so clients and caches can
 * tell a refusal from an answer.
 */
export function withLimitStatus(handler: Handler): Handler {
  return async (request) => {
    const response = await handler(request)
    if (response.status === 400 || !response.headers.get('content-type')?.includes('json'))
      return response
    const text = await response.text()
    const refused =
      text.includes(LIMIT_CODE) &&
      (() => {
        try {
          const body = JSON.parse(text) as {
            data?: unknown
            errors?: { extensions?: { code?: string } }[]
          }
          return !body.data && Boolean(body.errors?.some((e) => e.extensions?.code === LIMIT_CODE))
        } catch {
          return false
        }
      })()
    return new Response(text, {
      status: refused ? 400 : response.status,
      headers: response.headers,
    })
  }
}
