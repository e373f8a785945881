import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'

import { cacheContents } from '@/data/changes/changeLog'
import { createApp } from '@/process/app'
import { edgeSettings } from '@/edge/settings'
import { readEnvironment, type Environment } from '@/core/env'
import type { LoadSignal } from '@/edge/load/loadSignal'

import { GET, POST } from '../../src/app/(payload)/api/graphql/route'
import * as restRoute from '../../src/app/(payload)/api/[...slug]/route'

/** Marks answers that went past the cache to the stand-in for Next. */
export const HANDED_TO_NEXT = 'x-handed-to-next'

type RestMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/**
 * What Next does for the API, for requests the cache lets through: the same route handlers
 * (GraphQL at /api/graphql, REST below /api/), reading the request stream the cache left
 * untouched. Pages are not under test here.
 */
async function nextStandIn(req: ExpressRequest, res: ExpressResponse) {
  res.setHeader(HANDED_TO_NEXT, '1')
  const rest = req.path.startsWith('/api/') && req.path !== '/api/graphql'
  if (req.path !== '/api/graphql' && !rest) {
    res.status(418).end('handed to next')
    return
  }
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && name !== 'content-length') headers.set(name, value)
  }
  const request = new Request(`http://${req.get('host')}${req.originalUrl}`, {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
  })
  const response = rest
    ? await restRoute[req.method as RestMethod](request, {
        params: Promise.resolve({ slug: req.path.replace(/^\/api\//, '').split('/') }),
      })
    : await (req.method === 'POST' ? POST : GET)(request)
  res.status(response.status)
  response.headers.forEach((value, name) => res.setHeader(name, value))
  res.end(Buffer.from(await response.arrayBuffer()))
}

export type CacheServer = { base: string; close: () => Promise<void> }

/**
 * The express layer with the read cache in front of the real GraphQL route handlers, on a free
 * port, against this test file's Payload instance. `maxBytes: 0` leaves the cache out, as
 * READ_CACHE_MAX_BYTES=0 does.
 */
export async function startCacheServer(
  payload: Payload,
  options: {
    maxBytes?: number
    sharedMaxAge?: number
    /** Rate limits (off in tests unless given) and whose X-Forwarded-For counts. */
    rateLimits?: Partial<Environment['rateLimits']>
    trustProxy?: Environment['trustProxy']
    /** METRICS_TOKEN (test/int/metrics.test.ts turns metrics on itself). */
    metricsToken?: string
    /** Admission by load (off in tests unless given), and the load signal it reads. */
    admission?: Partial<Environment['admission']>
    loadSignal?: LoadSignal
    /** Whether the cache keeps pages too (Next's HTML), as it does in production; off by default. */
    cachePages?: boolean
    /** Stands in for Next's pages (the default answers 418 for anything but the API). */
    pages?: (req: ExpressRequest, res: ExpressResponse) => void
  } = {},
): Promise<CacheServer> {
  const env = readEnvironment()
  const edge = edgeSettings(env)
  const app = createApp({
    payload,
    handle: (req, res) =>
      options.pages && !req.path.startsWith('/api/')
        ? options.pages(req, res)
        : void nextStandIn(req, res),
    https: false,
    isShuttingDown: () => false,
    edge: {
      ...edge,
      rateLimits: { ...edge.rateLimits, ...options.rateLimits },
      trustProxy: options.trustProxy ?? edge.trustProxy,
      admission: { ...edge.admission, ...options.admission },
    },
    metricsToken: options.metricsToken,
    loadSignal: options.loadSignal,
    readCache:
      options.maxBytes === 0
        ? undefined
        : {
            maxBytes: options.maxBytes ?? 64 * 1024 * 1024,
            sharedMaxAge: options.sharedMaxAge ?? 0,
            pages: options.cachePages ?? false,
          },
  })
  const server: Server = app.listen(0)
  // The test's fetch and this server share one event loop. With Node's 5 s keep-alive, a socket
  // idle about 4 s, then a stall of a loaded machine, let a new request start on the socket just
  // before the server's idle timer closed it: ECONNRESET (readCacheInvalidation, once in CI).
  // Undici keeps a socket one second less than the server's Keep-Alive hint, so a long hint
  // moves that race far past any pause these tests make.
  server.keepAliveTimeout = 120_000
  await new Promise((resolve) => server.once('listening', resolve))
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** What the cache holds right now (shared by every server of this test file). */
export const cacheSize = () => cacheContents()

export type Answer = { status: number; cache: string | null; etag: string | null; text: string }

/** An anonymous (unless headers say otherwise) GraphQL POST through the server. */
export async function postGraphQL(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${base}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  })
  return {
    status: res.status,
    cache: res.headers.get('x-cache'),
    etag: res.headers.get('etag'),
    text: await res.text(),
  }
}
