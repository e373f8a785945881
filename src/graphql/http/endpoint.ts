import type { NextFunction, Request, Response } from 'express'
import type { SanitizedConfig } from 'payload'

import { markUnstorable } from '@/core/answerStorability'

import { answerGraphQL, type GraphQLAnswer } from '../execute/answer'
import { refusalBody, type CallRefusal } from '../request/call'
import { graphqlCallOf } from './callSlot'

/** A refused call as an answer: GraphQL's error shape with its status. */
export function refusalAnswer(refusal: CallRefusal): GraphQLAnswer {
  const headers = new Headers({ 'Content-Type': 'application/json', ...refusal.headers })
  return { status: refusal.status, headers, body: refusalBody(refusal), errors: true }
}

/** The request's headers as a Web `Headers` (credentials, Accept and Origin included). */
export function webHeaders(req: Request): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'content-length' || name === 'transfer-encoding') continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  return headers
}

/**
 * The GraphQL endpoint for the calls the edge read (every anonymous GraphQL GET and JSON POST),
 * whether or not the read cache is on: the cache, when it is, has already answered its hits and
 * captures what this sends. Requests without a call (logged-in users) go on to Next's route.
 * `origin` is SERVER_URL's: handlers see the portal's own URL, never a Host a client chose.
 */
export function graphqlEndpoint(config: SanitizedConfig, origin: string) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const call = graphqlCallOf(req)
    if (!call) return next()
    const answer = call.refused
      ? refusalAnswer(call)
      : await answerGraphQL(
          config,
          call,
          new URL(`/api/graphql${call.search}`, origin).href,
          webHeaders(req),
        )
    if (answer.errors) markUnstorable(res)
    sendAnswer(res, answer)
  }
}

/** Sends an answer as it is: status, headers (cookies included) and body. */
function sendAnswer(res: Response, answer: GraphQLAnswer): void {
  for (const [name, value] of answer.headers) {
    if (name !== 'set-cookie' && name !== 'content-length') res.setHeader(name, value)
  }
  const cookies = answer.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies)
  res.status(answer.status).end(answer.body)
}
