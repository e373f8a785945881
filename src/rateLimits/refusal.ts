import type { Request, Response } from 'express'

import { hasBody, refuseUnread } from '@/server/edge/refusal'

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
