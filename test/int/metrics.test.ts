import crypto from 'node:crypto'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import { invalidateReadCache } from '@/data/changes/changeLog'
import { readEnvironment } from '@/core/env'
import { limits } from '@/cms/apiLimits'
import { disableMetrics, enableMetrics } from '@/process/metrics/enable'
import { resetLimits } from '@/operations/rateLimiterStore'
import { createApp } from '@/process/app'
import { edgeSettings } from '@/edge/settings'

import { startPayload, stopPayload } from '../helpers/api'
import { postGraphQL, startCacheServer, type CacheServer } from '../helpers/cacheServer'

const TOKEN = crypto.randomBytes(32).toString('hex')
const SITE = 'query Site($locale: LocaleInputType) { Site(locale: $locale) { name tagline } }'

let payload: Payload
let server: CacheServer

/** Every sample of the scrape, by its name with labels as Prometheus prints them. */
type Samples = Map<string, number>

async function scrape(base = server.base): Promise<Samples> {
  const res = await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  const samples: Samples = new Map()
  for (const line of (await res.text()).split('\n')) {
    if (!line || line.startsWith('#')) continue
    const at = line.lastIndexOf(' ')
    samples.set(line.slice(0, at), Number(line.slice(at + 1)))
  }
  return samples
}

const value = (samples: Samples, name: string): number => samples.get(name) ?? 0

/** How much each named sample moved between two scrapes. */
async function moved(names: string[], act: () => Promise<unknown>): Promise<number[]> {
  const before = await scrape()
  await act()
  const after = await scrape()
  return names.map((name) => value(after, name) - value(before, name))
}

beforeAll(async () => {
  payload = await startPayload()
  enableMetrics(payload)
  server = await startCacheServer(payload, { metricsToken: TOKEN })
})
afterAll(async () => {
  disableMetrics()
  await server.close()
  await stopPayload(payload)
})
beforeEach(() => invalidateReadCache())

describe('who may read /metrics', () => {
  test('without the token, with another token or another scheme it is a 404', async () => {
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN.slice(0, -1)}x`,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}${TOKEN}`,
    ]) {
      const res = await fetch(`${server.base}/metrics`, {
        headers: authorization ? { Authorization: authorization } : {},
      })
      expect(res.status).toBe(404)
      expect(await res.text()).not.toContain('portal_')
    }
    // A token in the query string is not accepted either (query strings end up in logs).
    expect((await fetch(`${server.base}/metrics?token=${TOKEN}`)).status).toBe(404)
  })

  test('a server without METRICS_TOKEN has no /metrics, even for a token that works elsewhere', async () => {
    const plain = await startCacheServer(payload)
    try {
      const res = await fetch(`${plain.base}/metrics`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      })
      expect(res.status).toBe(404)
    } finally {
      await plain.close()
    }
  })

  test('the scrape is never cached and shows memory and the event loop delay', async () => {
    const res = await fetch(`${server.base}/metrics`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    })
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('x-cache')).toBeNull()
    const samples = await scrape()
    expect(value(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0)
    expect(value(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0)
    expect(samples.has('nodejs_eventloop_lag_seconds')).toBe(true)
    expect(samples.has('nodejs_eventloop_lag_p99_seconds')).toBe(true)
  })
})

describe('requests and the read cache', () => {
  test('a miss then a hit: durations by route class, the cache result, a store and the bytes held', async () => {
    const before = await scrape()
    expect((await postGraphQL(server.base, SITE, { locale: 'de' })).cache).toBe('MISS')
    expect((await postGraphQL(server.base, SITE, { locale: 'de' })).cache).toBe('HIT')
    const after = await scrape()
    const delta = (name: string) => value(after, name) - value(before, name)
    expect(
      delta('portal_http_request_duration_seconds_count{route="graphql_uncached",status="2xx"}'),
    ).toBe(1)
    expect(
      delta('portal_http_request_duration_seconds_count{route="graphql_cached",status="2xx"}'),
    ).toBe(1)
    expect(delta('portal_read_cache_requests_total{route="graphql_uncached",result="miss"}')).toBe(
      1,
    )
    expect(delta('portal_read_cache_requests_total{route="graphql_cached",result="hit"}')).toBe(1)
    expect(delta('portal_read_cache_stores_total')).toBe(1)
    expect(value(after, 'portal_read_cache_bytes')).toBeGreaterThan(0)
    expect(value(after, 'portal_read_cache_entries')).toBe(1)
  })

  test('a logged-out mutation is a bypass; REST requests are counted as rest', async () => {
    const [bypass, rest] = await moved(
      [
        'portal_read_cache_requests_total{route="graphql_uncached",result="bypass"}',
        'portal_http_request_duration_seconds_count{route="rest",status="2xx"}',
      ],
      async () => {
        await postGraphQL(server.base, 'mutation { logoutUser }')
        await fetch(`${server.base}/api/news?limit=1`)
      },
    )
    expect(bypass).toBe(1)
    expect(rest).toBe(1)
  })

  test('a public write invalidates, counted by the collection written', async () => {
    const NEWS = '{ News(limit: 1, locale: de) { docs { id title } } }'
    expect((await postGraphQL(server.base, NEWS)).cache).toBe('MISS')
    expect((await postGraphQL(server.base, NEWS)).cache).toBe('HIT')
    const [news] = await moved(['portal_read_cache_invalidations_total{cause="news"}'], () =>
      payload.create({
        collection: 'news',
        data: { title: `Metriken ${crypto.randomUUID()}`, _status: 'published' },
      }),
    )
    expect(news).toBe(1)
    // What the write changed is answered anew.
    expect((await postGraphQL(server.base, NEWS)).cache).toBe('MISS')
  })

  test('answers that do not fit make room by eviction', async () => {
    await postGraphQL(server.base, '{ Site(locale: de) { name } }')
    const oneAnswer = value(await scrape(), 'portal_read_cache_bytes')
    invalidateReadCache()
    // Room for about one and a half answers in probation (a quarter of 15/16 of the budget):
    // each new answer evicts the one before.
    const small = await startCacheServer(payload, {
      maxBytes: Math.ceil((oneAnswer * 1.5 * 4 * 16) / 15),
    })
    try {
      const [evictions] = await moved(['portal_read_cache_evictions_total'], async () => {
        for (const fields of ['name', 'tagline', 'name tagline'])
          expect((await postGraphQL(small.base, `{ Site(locale: de) { ${fields} } }`)).cache).toBe(
            'MISS',
          )
      })
      expect(evictions).toBeGreaterThanOrEqual(2)
    } finally {
      await small.close()
    }
  })
})

describe('the SQLite writer', () => {
  test('writes that meet wait their turn: the wait is recorded and the queue empties again', async () => {
    const before = await scrape()
    await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        payload.create({
          collection: 'organizations',
          data: { name: `Wartende ${crypto.randomUUID()} ${i}`, kind: 'startup' },
        }),
      ),
    )
    const after = await scrape()
    const waits =
      value(after, 'portal_sqlite_writer_wait_seconds_count') -
      value(before, 'portal_sqlite_writer_wait_seconds_count')
    expect(waits).toBeGreaterThanOrEqual(4)
    // Some of the four found the writer busy and waited longer than the smallest bucket.
    const quick =
      value(after, 'portal_sqlite_writer_wait_seconds_bucket{le="0.0005"}') -
      value(before, 'portal_sqlite_writer_wait_seconds_bucket{le="0.0005"}')
    expect(quick).toBeLessThan(waits)
    expect(value(after, 'portal_sqlite_writer_queue_length')).toBe(0)
  })
})

describe('the job and mail queues', () => {
  test('pending, failed and the age of the oldest pending entry', async () => {
    const hourAgo = new Date(Date.now() - 3600_000).toISOString()
    const mail = { to: 'queued@example.org', subject: 'S', kind: 'password-reset', language: 'de' }
    await payload.db.create({
      collection: 'mail-queue',
      data: { ...mail, status: 'queued', attempts: 0, createdAt: hourAgo, updatedAt: hourAgo },
    })
    await payload.db.create({
      collection: 'mail-queue',
      data: { ...mail, status: 'failed', attempts: 5 },
    })
    const job = { taskSlug: 'deliverMail', input: { mail: 'none' }, queue: 'default' }
    await payload.db.create({
      collection: 'payload-jobs',
      data: { ...job, createdAt: hourAgo, updatedAt: hourAgo },
    })
    await payload.db.create({ collection: 'payload-jobs', data: { ...job, hasError: true } })
    // Scheduled for tomorrow: not waiting yet.
    await payload.db.create({
      collection: 'payload-jobs',
      data: { ...job, waitUntil: new Date(Date.now() + 86_400_000).toISOString() },
    })
    const samples = await scrape()
    expect(value(samples, 'portal_mail_pending')).toBe(1)
    expect(value(samples, 'portal_mail_failed')).toBe(1)
    expect(value(samples, 'portal_mail_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(3600)
    expect(value(samples, 'portal_jobs_pending{queue="default"}')).toBe(1)
    expect(value(samples, 'portal_jobs_failed{queue="default"}')).toBe(1)
    expect(
      value(samples, 'portal_jobs_oldest_pending_age_seconds{queue="default"}'),
    ).toBeGreaterThanOrEqual(3600)
    expect(value(samples, 'portal_jobs_pending{queue="mail"}')).toBe(0)
  })
})

describe('refusals by each limit', () => {
  test('size, URL, method and GraphQL cost', async () => {
    const aliases = Array.from({ length: limits.maxAliases + 1 }, (_, i) => `a${i}: __typename`)
    const deltas = await moved(
      [
        'portal_requests_refused_total{limit="body_size",rule="json"}',
        'portal_requests_refused_total{limit="body_size",rule="graphql"}',
        'portal_requests_refused_total{limit="url",rule="url"}',
        'portal_requests_refused_total{limit="method",rule="read_only"}',
        'portal_requests_refused_total{limit="graphql_cost",rule="maxAliases"}',
      ],
      async () => {
        const big = 'x'.repeat(readEnvironment().jsonBodyMaxBytes + 1)
        const json = await fetch(`${server.base}/api/news`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: big }),
        })
        expect(json.status).toBe(413)
        const graphql = await postGraphQL(server.base, `{ __typename } # ${big}`)
        expect(graphql.status).toBe(400)
        expect((await fetch(`${server.base}/de/%ff`)).status).toBe(400)
        expect((await fetch(`${server.base}/de`, { method: 'DELETE' })).status).toBe(405)
        const costly = await postGraphQL(server.base, `{ ${aliases.join(' ')} }`)
        expect(costly.status).toBe(400)
      },
    )
    expect(deltas).toEqual([1, 1, 1, 1, 1])
  })

  test('rate limits', async () => {
    resetLimits()
    const limited = await startCacheServer(payload, {
      rateLimits: { uncachedPerMinute: 1, uncachedBurst: 0 },
    })
    try {
      const [rate] = await moved(
        ['portal_requests_refused_total{limit="rate",rule="per_address"}'],
        async () => {
          const statuses: number[] = []
          for (let i = 0; i < 3; i++)
            statuses.push((await fetch(`${limited.base}/api/news?limit=1&i=${i}`)).status)
          expect(statuses).toEqual([200, 429, 429])
        },
      )
      expect(rate).toBe(2)
    } finally {
      await limited.close()
      resetLimits()
    }
  })
})

describe('the request log', () => {
  test('one JSON object per request: route class, status, duration, cache result, request id; tokens redacted', async () => {
    const lines: Record<string, unknown>[] = []
    const level = payload.logger.level
    payload.logger.level = 'info'
    const info = jest
      .spyOn(payload.logger, 'info')
      .mockImplementation((line: unknown) => void lines.push(line as Record<string, unknown>))
    try {
      await postGraphQL(server.base, SITE, { locale: 'en' }, { 'X-Request-Id': 'trace-42' })
      await fetch(
        `${server.base}/api/users/reset-password/abcdef0123456789abcdef0123456789?token=s3cret`,
      )
    } finally {
      info.mockRestore()
      payload.logger.level = level
    }
    expect(lines[0]).toMatchObject({
      reqId: 'trace-42',
      method: 'POST',
      url: '/api/graphql',
      route: 'graphql_uncached',
      status: 200,
      cache: 'MISS',
    })
    expect(typeof lines[0]!.ms).toBe('number')
    const reset = JSON.stringify(lines[1])
    expect(reset).not.toContain('abcdef0123456789abcdef0123456789')
    expect(reset).not.toContain('s3cret')
    expect(lines[1]).toMatchObject({ route: 'rest', reqId: expect.any(String) })
  })

  test('an error nobody answered is logged with the request id the client gets', async () => {
    const app = createApp({
      payload,
      handle: () => {
        throw new Error('boom')
      },
      https: false,
      isShuttingDown: () => false,
      edge: edgeSettings(readEnvironment()),
    })
    const plain: Server = app.listen(0)
    await new Promise((resolve) => plain.once('listening', resolve))
    const errors: Record<string, unknown>[] = []
    const level = payload.logger.level
    payload.logger.level = 'info'
    const error = jest
      .spyOn(payload.logger, 'error')
      .mockImplementation((line: unknown) => void errors.push(line as Record<string, unknown>))
    try {
      const res = await fetch(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/de`)
      expect(res.status).toBe(500)
      const reqId = res.headers.get('x-request-id')
      const body = (await res.json()) as { errors: { message: string; requestId: string }[] }
      expect(body.errors[0]).toEqual({ message: 'Internal server error', requestId: reqId })
      expect(JSON.stringify(body)).not.toContain('boom')
      await new Promise((resolve) => setImmediate(resolve))
      expect(errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ msg: 'unhandled error', reqId }),
          expect.objectContaining({ route: 'page', status: 500, reqId }),
        ]),
      )
    } finally {
      error.mockRestore()
      payload.logger.level = level
      await new Promise((resolve) => plain.close(resolve))
    }
  })
})
