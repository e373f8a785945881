import type { Response } from 'express'

/** The 429 every limit answers: `Retry-After`, and a message in Payload's error shape. */
export function refuseRateLimited(res: Response, retryAfterSeconds: number, who: string): void {
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
