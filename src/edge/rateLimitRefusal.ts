import type { Request, Response } from 'express'

import { countRefusal } from '@/observability/metrics/count'
import { hasBody, refuseUnread } from '@/edge/refusal'

/**
 * The 429 every limit answers: `Retry-After`, and a message in Payload's error shape. A refused
 * request's body is never read: its connection closes after the answer.
 */
export function refuseRateLimited(
  req: Request,
  res: Response,
  retryAfterSeconds: number,
  who: string,
): void {
  countRefusal('rate', rateRule(who))
  if (hasBody(req)) return refuseUnread(req, res, () => answer(res, retryAfterSeconds, who))
  answer(res, retryAfterSeconds, who)
}

function answer(res: Response, retryAfterSeconds: number, who: string): void {
  res.setHeader('Retry-After', String(retryAfterSeconds))
  res.setHeader('Cache-Control', 'no-store')
  res.status(429).json({
    errors: [
      {
        message: `Too many requests ${who}. Please try again in ${retryAfterSeconds} s.`,
        extensions: { code: 'RATE_LIMITED', retryAfter: retryAfterSeconds },
      },
    ],
  })
}

/** The scope a rate limit's refusal names, as a metric label from a fixed set. */
function rateRule(who: string): string {
  if (who.includes('address')) return 'per_address'
  if (who.includes('account')) return 'per_account'
  if (who.includes('portal')) return 'everyone'
  return 'other'
}
