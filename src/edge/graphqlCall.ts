import type { NextFunction, Request, Response } from 'express'

import { identityOf } from '@/core/requestIdentity'
import { setGraphqlCall } from '@/graphql/http/callSlot'
import { callFromGet, callFromPost } from '@/graphql/request/call'

import { preReadBodyOf, readWholeBody } from './fingerprint'

const isJson = (contentType: string | undefined) => /^application\/json\b/i.test(contentType ?? '')

/**
 * Reads an anonymous GraphQL request once, right after the body policy has admitted its size,
 * or takes the JSON body the front read for its fingerprint (src/edge/fingerprint.ts): the body
 * is read whole (its size is bounded by the GraphQL limit, counted in the body budget) and the
 * call parsed, then handed on to the read cache, the admission and the endpoint. A
 * logged-in user's call is left untouched for Next's route, which reads its own stream.
 */
export async function readGraphQLCall(
  req: Request,
  res: Response,
  next: NextFunction,
): Promise<void> {
  if (req.path !== '/api/graphql' || identityOf(req).user) return next()
  const search = req.originalUrl.slice(req.path.length).replace(/^[^?]*/, '')
  if (req.method === 'GET' || req.method === 'HEAD') {
    setGraphqlCall(req, callFromGet(new URLSearchParams(search)))
  } else if (
    req.method === 'POST' &&
    (preReadBodyOf(req) !== undefined || isJson(req.get('content-type')))
  ) {
    const body = preReadBodyOf(req) ?? (await readWholeBody(req))
    // The client went away: nobody to answer.
    if (body === null) return void res.destroy()
    setGraphqlCall(req, callFromPost(body, search))
  }
  next()
}
