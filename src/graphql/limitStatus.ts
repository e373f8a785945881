import { countRefusal } from '@/observability/metrics/count'

import { LIMIT_CODE, limits } from '../cms/apiLimits'

type Handler = (request: Request) => Promise<Response>

type Body = { data?: unknown; errors?: { extensions?: { code?: string; limit?: unknown } }[] }

/** The limit a GraphQL answer was refused by, or null when it is no refusal by a limit. */
function refusedBy(text: string): string | null {
  if (!text.includes(LIMIT_CODE)) return null
  try {
    const body = JSON.parse(text) as Body
    if (body.data) return null
    const error = body.errors?.find((e) => e.extensions?.code === LIMIT_CODE)
    if (!error) return null
    const limit = error.extensions?.limit
    // A label from the fixed list of limits, never a value the answer could carry otherwise.
    return typeof limit === 'string' && limit in limits ? limit : 'other'
  } catch {
    return null
  }
}

/**
 * Payload's GraphQL route answers validation failures with 200 or 400 depending on the Accept
 * header. A request refused by one of our limits always gets 400, so clients and caches can
 * tell a refusal from an answer.
 */
export function withLimitStatus(handler: Handler): Handler {
  return async (request) => {
    const response = await handler(request)
    if (!response.headers.get('content-type')?.includes('json')) return response
    if (response.status === 400) {
      const limit = refusedBy(await response.clone().text())
      if (limit) countRefusal('graphql_cost', limit)
      return response
    }
    const text = await response.text()
    const limit = refusedBy(text)
    if (limit) countRefusal('graphql_cost', limit)
    return new Response(text, {
      status: limit ? 400 : response.status,
      headers: response.headers,
    })
  }
}
