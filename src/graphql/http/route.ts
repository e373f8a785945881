import type { SanitizedConfig } from 'payload'

import { answerGraphQL } from '../execute/answer'
import { callFromGet, callFromPost } from '../request/call'
import { refusalAnswer } from './endpoint'

type RouteHandler = (request: Request) => Promise<Response>

/**
 * Next's `/api/graphql` route: what reaches Next is a logged-in user's call (the express
 * endpoint answers the public's). Read and answered by the same functions as the endpoint's.
 */
export function graphqlRoute(config: Promise<SanitizedConfig> | SanitizedConfig): {
  GET: RouteHandler
  POST: RouteHandler
} {
  const answer: RouteHandler = async (request) => {
    const url = new URL(request.url)
    const call =
      request.method === 'POST'
        ? callFromPost(await request.text(), url.search)
        : callFromGet(url.searchParams)
    const answered = call.refused
      ? refusalAnswer(call)
      : await answerGraphQL(
          config,
          call,
          `${url.origin}${url.pathname}${call.search}`,
          request.headers,
        )
    return new Response(answered.body || null, {
      status: answered.status,
      headers: answered.headers,
    })
  }
  return { GET: answer, POST: answer }
}
