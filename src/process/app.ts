import express, { type Express, type Request, type Response } from 'express'
import type { Payload } from 'payload'

import { passClientAddress } from '@/core/clientAddressHeader'
import { locales } from '@/core/locales'
import type { RateLimitSettings } from '@/core/env/rateLimits'
import { admission } from '@/edge/admission'
import { BodyBudget } from '@/edge/bodyBudget'
import { bodyPolicy } from '@/edge/bodyPolicy'
import { personalCookiePattern, type FingerprintPolicy } from '@/edge/fingerprint'
import { formFill } from '@/edge/formFill'
import { front } from '@/edge/front'
import { readGraphQLCall } from '@/edge/graphqlCall'
import { identifyRequests } from '@/edge/identity'
import { loadGate } from '@/edge/load/fromSettings'
import type { LoadSignal } from '@/edge/load/loadSignal'
import { logUnhandled } from '@/edge/logUnhandled'
import { methodGuard } from '@/edge/methodGuard'
import { searchUnavailable } from '@/edge/searchUnavailable'
import type { EdgeSettings } from '@/edge/settings'
import { urlGuard } from '@/edge/urlGuard'
import { graphqlEndpoint } from '@/graphql/http/endpoint'
import { metricsEndpoint } from '@/observability/metrics/endpoint'
import { sharedLimit } from '@/operations/rateLimiterStore'
import { readCache, type ReadCacheOptions } from '@/readCache/serve'

import { healthz, readyz } from './health'

/** The signing form's page in each locale (src/edge/formFill.ts). */
const signingFormPaths = locales.map(({ code }) => `/${code}/declaration/sign`)

const signingFormFill = (payload: Payload, limits: RateLimitSettings) =>
  formFill({
    secret: payload.secret,
    onFailure: (err) => payload.logger.error({ msg: 'signing form answered 503', err }),
    perClient:
      limits.signingFormsPerMinute > 0
        ? sharedLimit('signing-forms', {
            points: limits.signingFormsPerMinute,
            seconds: 60,
            burst: limits.signingFormsBurst || undefined,
          })
        : null,
  })

export type AppOptions = {
  payload: Payload
  /** Next's request handler: admin, REST, logged-in users' GraphQL and pages. */
  handle: (req: Request, res: Response) => unknown
  https: boolean
  isShuttingDown: () => boolean
  /** What the edge is configured with (docs/limits.md): src/edge/settings.ts. */
  edge: EdgeSettings
  /** METRICS_TOKEN: `/metrics` answers a scraper that sends it (src/observability/metrics/endpoint.ts). */
  metricsToken?: string
  /** The anonymous read cache; left out (READ_CACHE_MAX_BYTES=0), nothing is cached. */
  readCache?: Omit<ReadCacheOptions, 'allowedOrigins'>
  /** A load signal in place of the measured one: tests inject saturation with it. */
  loadSignal?: LoadSignal
}

/** What the front's fingerprint checks a request's body and cookies against (src/edge/fingerprint.ts). */
const fingerprintPolicy = (
  edge: EdgeSettings,
  budget: BodyBudget,
  cookiePrefix: string,
): FingerprintPolicy => ({
  budget,
  graphqlLimit: edge.bodies.limits.graphql,
  personalCookie: personalCookiePattern(cookiePrefix),
})

/**
 * The request path, in order (docs/architecture.md): the front (request id, security headers,
 * accounting, and repeats answered from the read cache), then the edge (client address, URL
 * guard, probes, method guard, identity, body policy, the GraphQL call read once, the signing
 * form's stamp filled in), the read cache, the one admission of what the cache did not answer,
 * the GraphQL endpoint for the public's calls, and Next for everything else. No body parsing for
 * Next: Payload and Next read the request stream themselves.
 */
export function createApp({
  payload,
  handle,
  https,
  isShuttingDown,
  edge,
  readCache: cacheOptions,
  metricsToken,
  loadSignal,
}: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', edge.trustProxy)
  const cors = payload.config.cors
  const allowedOrigins = Array.isArray(cors) ? cors : []
  const origin = new URL(payload.config.serverURL || 'http://localhost').origin
  const cache = cacheOptions && readCache({ ...cacheOptions, allowedOrigins })
  const budget = new BodyBudget(edge.bodies.budgetBytes)
  const cookiePrefix = payload.config.cookiePrefix ?? 'payload'
  const fingerprint = fingerprintPolicy(edge, budget, cookiePrefix)
  app.use(front({ payload, https, repeats: cache?.repeats, fingerprint }))
  // Before anything that may hand the request on: handlers behind express read the address here.
  app.use(passClientAddress)
  // Hostile input stops here, before the cache, Next or Payload decode or buffer anything.
  app.use(urlGuard)
  app.get('/healthz', healthz)
  app.get('/readyz', readyz(payload, isShuttingDown))
  app.get(
    '/metrics',
    metricsEndpoint(metricsToken, (err) => payload.logger.error({ msg: 'metrics failed', err })),
  )
  app.use(searchUnavailable)
  app.use(methodGuard(edge.serverActions))
  app.use(
    identifyRequests({
      secret: payload.secret,
      cookiePrefix,
      previewModeId: edge.previewModeId,
    }),
  )
  app.use(bodyPolicy(edge.bodies.limits, budget))
  app.use(readGraphQLCall)
  // Before the cache: its hits and its misses' answers alike get their own signing form, and
  // count against the client's limit on forms.
  app.get(signingFormPaths, signingFormFill(payload, edge.rateLimits))
  if (cache) app.use(cache.serve)
  // What gets here, the cache could not answer: a miss, a bypass, or nothing cacheable.
  app.use(
    admission(edge.rateLimits, loadGate(edge.admission, loadSignal), {
      maxBytes: edge.bodies.limits.form,
      secret: payload.secret,
    }),
  )
  app.use(graphqlEndpoint(payload.config, origin))
  // Express 5 rejects app.all('*'); a terminal middleware hands everything else to Next.
  app.use((req, res) => handle(req, res))
  app.use(logUnhandled(payload))
  return app
}
