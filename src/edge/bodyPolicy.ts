import type { NextFunction, Request, Response } from 'express'

import { countRefusal } from '@/observability/metrics/count'

import { LIMIT_CODE, limits as apiLimits } from '@/cms/apiLimits'
import type { BodyBudget } from './bodyBudget'
import { bodyClassOf, type BodyClass, type BodyLimits } from './bodyClasses'
import { preReadBodyOf } from './fingerprint'
import { holdChunkedBody } from './holdChunkedBody'
import { requesterLanguage } from './refusals/language'
import { refusalBody, refuseUnread } from './refusals/unread'
import { wordsIn } from './refusals/wording'

/** Seconds a client told "busy" should wait before it sends its body again. */
const BUSY_RETRY_AFTER_S = 5

/** The body class as a metric label: `JSON` → `json`, `server action` → `server_action`. */
const ruleOf = (kind: BodyClass): string => kind.name.toLowerCase().replace(/\W+/g, '_')

/** A body over its kind's limit; `size` is null for a chunked body cut off at the limit. */
function refuseTooLarge(req: Request, res: Response, kind: BodyClass, size: number | null): void {
  countRefusal('body_size', ruleOf(kind))
  const words = wordsIn(requesterLanguage(req, 'en'))
  const message = words.tooLarge({
    kind: kind.name,
    size,
    limit: kind.told ?? kind.limit,
    setting: kind.setting,
  })
  refuseUnread(req, res, () => {
    // GraphQL keeps its documented refusal: 400 with extensions.code LIMIT_EXCEEDED.
    if (kind.name === 'graphql') {
      const extensions = { code: LIMIT_CODE, limit: 'maxBodyBytes', max: apiLimits.maxBodyBytes }
      return res.status(400).json(refusalBody(message, { extensions }))
    }
    res.status(413).json(refusalBody(message, { limit: kind.setting, max: kind.limit }))
  })
}

function refuseBusy(req: Request, res: Response): void {
  countRefusal('body_budget')
  const message = wordsIn(requesterLanguage(req, 'en')).bodiesBusy(BUSY_RETRY_AFTER_S)
  refuseUnread(req, res, () => {
    res.setHeader('Retry-After', String(BUSY_RETRY_AFTER_S))
    res.status(503).json(refusalBody(message))
  })
}

/** A body no handler can read, whatever its size; null when it may be readable. */
function unreadableBody(req: Request, kind: BodyClass): { status: number; message: string } | null {
  const type = req.get('content-type') ?? ''
  const words = () => wordsIn(requesterLanguage(req, 'en'))
  if (kind.name === 'multipart' && !/;\s*boundary=/i.test(type)) {
    return { status: 400, message: words().noBoundary }
  }
  // Payload's GraphQL handler reads JSON only; anything else it would fail on with a 500.
  if (kind.name === 'graphql' && req.method === 'POST' && !/^application\/json\b/i.test(type)) {
    return { status: 415, message: words().graphqlNotJson }
  }
  return null
}

/**
 * One body policy for every method and route, whether or not the request carries credentials,
 * before the read cache and Next (docs/limits.md): each kind of request has a largest body, and
 * all bodies held at once share one budget, so neither one large body nor many together can
 * exhaust the heap. A declared length over the limit is refused before anything is read; a body
 * of undeclared length is counted as it streams and cut off at the limit.
 */
export function bodyPolicy(limits: BodyLimits, budget: BodyBudget) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = req.headers['content-length']
    const chunked = req.headers['transfer-encoding'] !== undefined
    // Node's parser refuses a request with both, and one without either has no body. A body the
    // front read already passed this policy's GraphQL limit and holds its share of the budget.
    if ((declared === undefined && !chunked) || preReadBodyOf(req) !== undefined) return next()
    const kind = bodyClassOf(req, limits)
    const unreadable = unreadableBody(req, kind)
    if (unreadable) {
      countRefusal('body_type', ruleOf(kind))
      return refuseUnread(req, res, () =>
        res.status(unreadable.status).json(refusalBody(unreadable.message)),
      )
    }

    if (declared !== undefined) {
      const size = Number(declared)
      if (size > kind.limit) return refuseTooLarge(req, res, kind, size)
      if (size === 0) return next()
      if (!budget.reserve(size)) return refuseBusy(req, res)
      res.once('close', () => budget.release(size))
      return next()
    }

    void holdChunkedBody(req, kind.limit, budget).then((held) => {
      switch (held.kind) {
        case 'held':
          res.once('close', () => budget.release(held.reserved))
          return next()
        case 'too large':
          return refuseTooLarge(req, res, kind, null)
        case 'busy':
          return refuseBusy(req, res)
        case 'aborted':
          // The client went away: nobody to answer.
          return
      }
    })
  }
}
