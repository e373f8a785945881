import crypto from 'node:crypto'
import type { Request, Response } from 'express'

import { currentMetrics } from './state'

/** Constant-time comparison of the bearer token, so its bytes cannot be guessed by timing. */
function sameToken(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest()
  const b = crypto.createHash('sha256').update(expected).digest()
  return crypto.timingSafeEqual(a, b)
}

/**
 * `GET /metrics` in Prometheus' text format, for a scraper that sends
 * `Authorization: Bearer <METRICS_TOKEN>`. Anyone else gets a 404, the status an unknown
 * path would get, without reaching Next; with no token set there is no endpoint.
 */
export function metricsEndpoint(token: string | undefined, onError: (error: unknown) => void) {
  return async (req: Request, res: Response): Promise<void> => {
    res.setHeader('Cache-Control', 'no-store')
    const metrics = currentMetrics()
    const given = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1]
    if (!token || !metrics || !given || !sameToken(given, token)) {
      res.status(404).type('text/plain').end('Not Found')
      return
    }
    let text: string
    try {
      text = await metrics.registry.metrics()
    } catch (error) {
      // A queue query that failed (the database is down): /readyz says so too.
      onError(error)
      res.status(503).type('text/plain').end('Metrics are unavailable right now.')
      return
    }
    res.setHeader('Content-Type', metrics.registry.contentType)
    res.end(text)
  }
}
