import crypto from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

import { redactUrl } from './redactUrl'

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * Gives each request an id (a caller's `X-Request-Id` when it is sane, else a new UUID), echoes it
 * in the response, and writes one access-log line through Payload's logger when the response ends
 * (with tokens redacted).
 */
export function requestContext(payload: Payload) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.get('x-request-id')
    const id = incoming && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID()
    const started = process.hrtime.bigint()
    res.setHeader('X-Request-Id', id)
    res.locals.requestId = id
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      // One line per request, readable in the pretty development log and greppable in JSON;
      // reset, preview and other token-bearing links are logged without their tokens.
      payload.logger.info(
        `${req.method} ${redactUrl(req.originalUrl)} ${res.statusCode} ${ms.toFixed(1)}ms reqId=${id}`,
      )
    })
    next()
  }
}
