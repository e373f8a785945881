import type { NextFunction, Request, Response } from 'express'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

import { issueSignatureForm } from '@/cms/signatures/form'
import {
  CHALLENGE_PLACEHOLDER,
  FORM_TOKEN_PLACEHOLDER,
  PLACEHOLDER_MARK,
  encodeChallenge,
} from '@/cms/signatures/formPlaceholders'
import { isSigningFormPage } from '@/cms/signatures/signingStep'
import { addressKey } from '@/core/clientAddress'
import { defaultLocale, isLocale, type Locale } from '@/core/locales'
import { identityOf } from '@/core/requestIdentity'
import { RateLimitedError, type Limit } from '@/operations/rateLimiterStore'
import { negotiatedEncoding } from '@/readCache/varyingHeaders'

import { holdAnswer } from './heldAnswer'
import { fillPlaceholders, type Replacement } from './placeholderFill'
import { refuseRateLimited } from './refusals/refuse'
import { tryAgainPage } from './refusals/tryAgainPage'

// Level 1: the page is compressed once per answer, not once per rendering.
const compressors = { gzip: promisify(zlib.gzip), deflate: promisify(zlib.deflate) }

/** Below this a compressed answer saves less than its framing costs. */
const COMPRESS_FROM_BYTES = 1024

/** A new stamp and challenge, as the placeholders' values. */
async function freshForm(secret: string): Promise<Replacement[]> {
  const form = await issueSignatureForm(secret)
  return [
    [FORM_TOKEN_PLACEHOLDER, form.formToken],
    [CHALLENGE_PLACEHOLDER, encodeChallenge(JSON.stringify(form.challenge))],
  ]
}

type Encoding = ReturnType<typeof negotiatedEncoding>

const varyOnEncoding = (res: Response) => {
  const vary = String(res.getHeader('vary') ?? '')
  if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) {
    res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
  }
}

/** Whether a placeholder, or the piece of one that begins it, is still in an answer. */
const holdsPlaceholder = (body: Buffer) => body.includes(PLACEHOLDER_MARK, 0, 'latin1')

/**
 * The answer's body with this answer's own stamp and challenge, compressed as the client accepts
 * it. Fails closed: an answer that still holds a placeholder (or whose form could not be issued)
 * becomes a 503 the page's visitor may retry, never a form without a valid stamp.
 */
async function filledBody(
  res: Response,
  body: Buffer,
  options: FillOptions,
  request: { encoding: Encoding; locale: Locale; path: string },
) {
  // Asked for uncompressed: an encoding named here is what a stored copy kept of an earlier
  // answer's headers (the cache stores headers as they went out).
  res.removeHeader('Content-Encoding')
  let answer = body
  try {
    if (holdsPlaceholder(body))
      answer = fillPlaceholders(body, await freshForm(options.secret)) ?? body
    if (holdsPlaceholder(answer)) throw new Error('a placeholder of the signing form was left')
  } catch (error) {
    options.onFailure(error as Error)
    return formUnavailable(res, request.locale, request.path)
  }
  const { encoding } = request
  if (encoding === 'identity' || answer.length < COMPRESS_FROM_BYTES) return answer
  const compressed = await compressors[encoding](answer, { level: 1 })
  res.setHeader('Content-Encoding', encoding)
  return compressed
}

/** The portal's own try-again page, in the form's language, back to the form after a second. */
function formUnavailable(res: Response, locale: Locale, path: string): Buffer {
  res.statusCode = 503
  res.setHeader('Retry-After', '1')
  res.setHeader('Content-Type', 'text/html; charset=utf-8')
  return Buffer.from(
    tryAgainPage({
      language: locale,
      status: 503,
      retryAfterSeconds: 1,
      next: path,
      keptForm: false,
    }),
  )
}

/**
 * The signing form's page costs about what a cache hit costs (docs/caching.md): Next renders it
 * with placeholders for the stamp and the challenge, the read cache keeps that one rendering,
 * and here each answer, a hit or a miss, gets its own stamp and challenge written in (the HTML's
 * markup, which the form posts and the widget reads, and Next's RSC payload), so the form works
 * without JavaScript too. Every answer is `no-store` without an ETag: its stamp is single-use, so
 * neither a 304 nor a shared cache may hand it out twice. The page is rendered uncompressed (its
 * `Accept-Encoding` is taken off before the cache and Next see it, so all visitors share one
 * entry) and compressed here.
 */
export type FillOptions = {
  /** Payload's secret, which signs the stamps and the challenges. */
  secret: string
  /** A fill that failed (its visitor got a 503): for the log. */
  onFailure: (error: Error) => void
  /**
   * Forms per client (address, or account when logged in), hits included: each costs a stamp and
   * a challenge, five times an ordinary hit, so one client's flood of them ends in a 429. Null: none.
   */
  perClient: Limit | null
}

/** Whether the client is over its share of forms; then it has been answered with a 429. */
async function refusedForm(req: Request, res: Response, limit: Limit): Promise<boolean> {
  const user = identityOf(req).user
  try {
    await limit.take(user ? `${user.collection}:${user.id}` : addressKey(req.ip))
    return false
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error
    refuseRateLimited(req, res, error.retryAfterSeconds, user ? 'account' : 'address')
    return true
  }
}

export function formFill(options: FillOptions) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isSigningFormPage(req.path)) {
      return next()
    }
    if (!options.perClient) return fill(req, res, next, options)
    // An error of the limit's store or of the fill goes to express, never an unhandled rejection.
    refusedForm(req, res, options.perClient)
      .then((refused) => refused || fill(req, res, next, options))
      .catch(next)
  }
}

function fill(req: Request, res: Response, next: NextFunction, options: FillOptions): void {
  const encoding = negotiatedEncoding(req.get('accept-encoding') ?? '')
  const code = req.path.split('/')[1]
  const locale = isLocale(code) ? code : defaultLocale
  delete req.headers['accept-encoding']
  // A validator could only name an answer whose stamp was spent.
  delete req.headers['if-none-match']
  delete req.headers['if-modified-since']
  holdAnswer(res, {
    // A HEAD answer's body is never sent: nothing to fill or compress.
    body: async (_res, body) =>
      req.method === 'HEAD'
        ? body
        : filledBody(res, body, options, { encoding, locale, path: req.path }),
    headers: (res, body) => {
      varyOnEncoding(res)
      res.setHeader('Content-Length', body.length)
      res.setHeader('Cache-Control', 'no-store')
      res.removeHeader('ETag')
    },
  })
  next()
}
