import crypto from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import type { Payload } from 'payload'

import { redactUrl } from '@/observability/logging/redactUrl'
import { inRequestScope } from '@/observability/logging/requestScope'
import { observeRequest } from '@/observability/metrics/requests'
import { routeClassOf } from '@/observability/metrics/routeClass'
import type { Accounting, Repeats } from '@/readCache/serve/repeats'

import { requestFingerprint, type FingerprintPolicy } from './fingerprint'
import { securityHeaders } from './securityHeaders'

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/

export type FrontOptions = {
  payload: Payload
  https: boolean
  /** The read cache's answers to repeats; none when the cache is off. */
  repeats?: Repeats
  fingerprint: FingerprintPolicy
}

/**
 * The first stop of every request. It gives the request an id (a caller's `X-Request-Id` when it
 * is sane, else a new UUID) and echoes it, sets the security headers, and when the response ends
 * records it in the metrics and writes one access-log line (route class, status, duration, cache
 * result, request id; the URL with its tokens redacted; 5xx at level error). A repeat of an
 * anonymous read that has passed the whole edge before is answered from the read cache here
 * (src/readCache/serve/repeats.ts); everything else goes on in the request's log scope.
 */
export function front({ payload, https, repeats, fingerprint }: FrontOptions) {
  const fixedHeaders = securityHeaders({ https })
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const incoming = req.headers['x-request-id']
    const id =
      typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : crypto.randomUUID()
    const started = process.hrtime.bigint()
    res.setHeader('X-Request-Id', id)
    for (const [name, value] of fixedHeaders) res.setHeader(name, value)
    res.locals.requestId = id
    let repeat: Accounting | null = null
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const cache = res.getHeader('x-cache') as string | undefined
      // The path as it came: Next may rewrite req.url while it answers.
      const route =
        repeat?.route ??
        routeClassOf(req.originalUrl.split('?', 1)[0] ?? '', req.get('content-type'), cache)
      const status = res.statusCode
      observeRequest(route, status, ms / 1000, cache)
      const level = status >= 500 ? 'error' : 'info'
      if (!payload.logger.isLevelEnabled(level)) return
      // The `msg` stays readable on its own; the fields are what log tooling filters on.
      const url = repeat?.url ?? redactUrl(req.originalUrl)
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
    if (repeats) {
      const print = await requestFingerprint(req, res, fingerprint)
      // The client went away while its body was read: nobody to answer.
      if (print === 'aborted') return void res.destroy()
      repeat = print === null ? null : repeats.answer(req, res, print)
      if (repeat) return
    }
    inRequestScope(id, next)
  }
}
