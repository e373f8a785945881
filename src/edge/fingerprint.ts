import type { Request, Response } from 'express'
import { text } from 'node:stream/consumers'

import { isSigningFormPage } from '@/cms/signatures/signingStep'
import { NEXT_INTERNAL } from '@/readCache/pageRequest'
import { KEY_HEADERS } from '@/readCache/serve/repeats'

import type { BodyBudget } from './bodyBudget'

/**
 * Every request header a decision of the edge or the read cache's key reads, besides the method
 * and the URL: the host (the URL guard), the content type (the body policy, the GraphQL call),
 * what the key varies on (Origin, Accept, Accept-Encoding, Next's router headers) and what makes
 * a page request Next's own (never cached).
 */
const DECIDING_HEADERS = ['host', 'content-type', ...KEY_HEADERS, ...NEXT_INTERNAL] as const

/** Bodies of repeats are short (frontends send the same few operations); longer ones go the whole way. */
const MAX_REPEAT_BODY = 16 * 1024

export type FingerprintPolicy = {
  /** The body budget every body held counts against (src/edge/bodyBudget.ts). */
  budget: BodyBudget
  /** The GraphQL body limit of the body policy. */
  graphqlLimit: number
  /** Cookies that may make a request someone's (a session, Next's draft mode): src/edge/identity. */
  personalCookie: RegExp
}

/**
 * Matches a cookie header that may carry a session token or a draft-mode cookie: the names
 * anywhere in it, however they are spaced or placed, so that nothing the identity check
 * (src/edge/identity) could read as a login or draft mode is taken for anonymous here.
 */
export const personalCookiePattern = (cookiePrefix: string): RegExp =>
  new RegExp(`${cookiePrefix.replace(/\W/g, '\\$&')}-token|__prerender_bypass|__next_preview_data`)

const preRead = new WeakMap<object, string>()

/** A GraphQL body the front already read whole (within the body policy's limit and budget). */
export const preReadBodyOf = (req: object): string | undefined => preRead.get(req)

/** The whole body as text, already bounded by the body policy; null when the client aborted. */
export async function readWholeBody(req: Request): Promise<string | null> {
  try {
    return await text(req)
  } catch {
    return null
  }
}

/** Routes the read cache never answers (src/readCache/pageRequest.ts): no fingerprint is worth taking. */
const NEVER_CACHED = /^\/(?:_next\/|admin(?:\/|$)|api\/(?!graphql$)|healthz$|readyz$|metrics$)/

/** Whether the request's framing allows a fingerprint: a GET without a body, or a short JSON POST. */
function repeatableBodyLength(req: Request, policy: FingerprintPolicy): number | null {
  if (req.headers['transfer-encoding'] !== undefined) return null
  const declared = Number(req.headers['content-length'] ?? 0)
  if (req.method === 'GET' || req.method === 'HEAD') {
    // Not even `Content-Length: 0`: the body policy looks at a request that declares a length.
    const bodiless = req.headers['content-length'] === undefined
    // The signing form's answers get their own stamp on the way out (src/edge/formFill.ts),
    // which an answer from the front would skip.
    const answeredHere = !NEVER_CACHED.test(req.path) && !isSigningFormPage(req.path)
    return bodiless && answeredHere ? 0 : null
  }
  if (req.method !== 'POST' || req.path !== '/api/graphql') return null
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return null
  const limit = Math.min(policy.graphqlLimit, MAX_REPEAT_BODY)
  return declared > 0 && declared <= limit ? declared : null
}

/**
 * A string that holds everything the edge and the cache's key decide on, for an anonymous read
 * (no credentials, no draft mode) of a public page or a short GraphQL call: two requests with
 * the same fingerprint get the same decisions, so once one has passed the whole edge, the read
 * cache may answer the next from what it learnt (src/readCache/serve/repeats.ts). Null for any
 * other request; 'aborted' when the client went away while its body was read. A POST's body is
 * read here, within the GraphQL limit and the body budget, and handed on (`preReadBodyOf`).
 */
export async function requestFingerprint(
  req: Request,
  res: Response,
  policy: FingerprintPolicy,
): Promise<string | null | 'aborted'> {
  const headers = req.headers
  if (headers.authorization !== undefined) return null
  if (headers.cookie !== undefined && policy.personalCookie.test(headers.cookie)) return null
  const length = repeatableBodyLength(req, policy)
  if (length === null) return null
  let fingerprint = `${req.method}\u0000${req.originalUrl}`
  // A header sent empty is not one left out (an empty `Next-Action` is refused, none is not).
  for (const name of DECIDING_HEADERS) {
    const value = headers[name]
    fingerprint += value === undefined ? '\u0000-' : `\u0000=${value}`
  }
  if (length === 0) return fingerprint
  if (!policy.budget.reserve(length)) return null
  res.once('close', policy.budget.release.bind(policy.budget, length))
  const body = await readWholeBody(req)
  if (body === null) return 'aborted'
  preRead.set(req, body)
  return `${fingerprint}\u0000${body}`
}
