import type { Request, Response } from 'express'

import { limits } from '@/cms/apiLimits'
import { countRefusal } from '@/observability/metrics/count'

import { refuseLargeBody } from './graphqlBodyLimit'
import { readBody } from '../../readCache/serve/requestParts'

/** The route handlers of src/app/(payload)/api/graphql/route.ts (Next route handlers). */
export type GraphQLHandler = (request: globalThis.Request) => Promise<globalThis.Response>
export type GraphQLHandlers = { POST: GraphQLHandler; GET: GraphQLHandler }

export const isJson = (contentType: string | null | undefined) =>
  /^application\/json\b/i.test(contentType ?? '')

/**
 * A GraphQL POST body, read whole; null when it was already answered (too large: 400) or the
 * client went away.
 */
export async function readGraphQLBody(req: Request, res: Response): Promise<Buffer | null> {
  const body = await readBody(req, limits.maxBodyBytes)
  if (body.ok) return body.body
  if (body.reason === 'too large') {
    countRefusal('body_size', 'graphql')
    refuseLargeBody(res, `more than ${limits.maxBodyBytes}`)
  } else res.destroy()
  return null
}

/** Sends a route handler's answer as it is: status, headers (cookies included) and body. */
export function sendWebResponse(res: Response, response: globalThis.Response, body: Buffer) {
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie' && name !== 'content-length') res.setHeader(name, value)
  }
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('Set-Cookie', cookies)
  res.setHeader('Content-Length', body.length)
  res.status(response.status).end(body)
}
