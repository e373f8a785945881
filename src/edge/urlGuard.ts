import type { NextFunction, Request, Response } from 'express'

import { countRefusal } from '@/observability/metrics/count'

import { requesterLanguage } from './refusals/language'
import { refusalBody } from './refusals/unread'
import { wordsIn, type UrlProblem } from './refusals/wording'

/** Longer paths than any page, document or API route of the portal has. */
export const MAX_PATH_LENGTH = 2048

const CONTROL = /[\u0000-\u001f\u007f]/

function decodes(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

/**
 * What is wrong with a request target, or null. Next 16 in production answers a path it cannot
 * decode with a 500 (an app-router build has no 400 page), and Payload decodes path segments
 * itself: so a malformed percent-escape (`%ff`, `%E0%A4%A`, an encoded surrogate), a control
 * character (raw, or encoded in the path; NUL anywhere) or an overlong path is refused here,
 * before either sees it.
 */
export function urlProblem(url: string): UrlProblem | null {
  const queryAt = url.indexOf('?')
  const path = queryAt < 0 ? url : url.slice(0, queryAt)
  const query = queryAt < 0 ? '' : url.slice(queryAt + 1)
  if (path.length > MAX_PATH_LENGTH) return 'path too long'
  if (CONTROL.test(url)) return 'control characters'
  const decodedPath = decodes(path)
  if (decodedPath === null) return 'path escape'
  if (CONTROL.test(decodedPath)) return 'encoded control characters'
  const decodedQuery = decodes(query.replace(/\+/g, ' '))
  if (decodedQuery === null) return 'query escape'
  if (decodedQuery.includes('\u0000')) return 'encoded NUL'
  return null
}

/** What is wrong with a Host header, or null: it must be a host name or address, with a port. */
export function hostProblem(host: string | undefined): UrlProblem | null {
  if (host === undefined) return null
  try {
    const parsed = new URL(`http://${host}`)
    if (parsed.host.toLowerCase() === host.toLowerCase().replace(/:80$/, '')) return null
  } catch {
    // not a host at all
  }
  return 'host'
}

/** Refuses a malformed request target or Host with 400 and a short message, on every route. */
export function urlGuard(req: Request, res: Response, next: NextFunction): void {
  const problem = urlProblem(req.originalUrl) ?? hostProblem(req.headers.host)
  if (problem === null) return next()
  countRefusal('url')
  const words = wordsIn(requesterLanguage(req, 'en'))
  res.status(400).json(refusalBody(words.url(problem, MAX_PATH_LENGTH)))
}
