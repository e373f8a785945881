import crypto from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

import { inRequestScope } from '@/observability/logging/requestScope'
import { observeRequest } from '@/observability/metrics/requests'
import { routeClassOf, statusClassOf } from '@/observability/metrics/routeClass'

import { redactUrl } from '../observability/logging/redactUrl'

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/

/**
 * Gives each request an id (a caller's `X-Request-Id` when it is sane, else a new UUID), echoes it
 * in the response, runs the rest of the request in its scope (every log line written meanwhile
 * carries it), and when the response ends records it in the metrics and writes one access-log
 * line: a JSON object with the route class, status, duration, cache result and request id, the
 * URL with its tokens redacted. Server errors (5xx) are logged at level error.
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
      const cache = res.getHeader('x-cache') as string | undefined
      // The path as it came: Next may rewrite req.url while it answers.
      const path = req.originalUrl.split('?', 1)[0] ?? ''
      const route = routeClassOf(path, req.get('content-type'), cache)
      const status = res.statusCode
      observeRequest(route, statusClassOf(status), ms / 1000, cache)
      const level = status >= 500 ? 'error' : 'info'
      if (!payload.logger.isLevelEnabled(level)) return
      // The `msg` stays readable on its own; the fields are what log tooling filters on.
      const url = redactUrl(req.originalUrl)
      payload.logger[level]({
        msg: `${req.method} ${url} ${status} ${ms.toFixed(1)}ms`,
        reqId: id,
        method: req.method,
        url,
        route,
        status,
        ms: Math.round(ms * 10) / 10,
        cache: cache ?? null,
      })
    })
    inRequestScope(id, next)
  }
}
