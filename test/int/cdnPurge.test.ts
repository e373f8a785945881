/**
 * A CDN in front, purged through the job queue: a publish's tags reach the CDN's API (a stub on
 * this machine speaking Cloudflare's purge call) right after the commit; a CDN that fails is
 * retried with backoff; a rolled-back change purges nothing; a start purges everything.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals, type Payload } from 'payload'

import { rolledBack } from '../helpers/rollback'

type Call = { path: string; authorization?: string; tags: string[] }

const calls: Call[] = []
/** What the CDN was asked while the portal started. */
let atStart: Call[] = []
const answers: number[] = []
const cdn = http.createServer((req, res) => {
  let body = ''
  req.on('data', (chunk) => (body += chunk))
  req.on('end', () => {
    calls.push({
      path: req.url ?? '',
      authorization: req.headers.authorization,
      tags: (JSON.parse(body || '{}') as { tags?: string[] }).tags ?? [],
    })
    const status = answers.shift() ?? 200
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(`{"success":${status === 200}}`)
  })
})

let payload: Payload
let stop: () => void = () => undefined
let settled: () => Promise<void>
let api: typeof import('../helpers/api')

beforeAll(async () => {
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve))
  // Read when the config is first imported.
  Object.assign(process.env, {
    CDN_PURGE: 'cloudflare',
    CLOUDFLARE_ZONE_ID: 'zone-7',
    CLOUDFLARE_API_TOKEN: 'cdn-test-token',
    CDN_PURGE_API_URL: `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`,
  })
  api = await import('../helpers/api')
  ;({ deliveriesSettled: settled } = await import('@/operations/mail/delivery'))
  payload = await api.startPayload()
  _internal_jobSystemGlobals.shouldAutoRun = false
  const { installSharedCachePurge } = await import('@/operations/sharedCache/install')
  const { readEnvironment } = await import('@/core/env')
  // As the server's start does.
  stop = await installSharedCachePurge(payload, readEnvironment())
  await settled()
  atStart = [...calls]
})
afterAll(async () => {
  stop()
  _internal_resetJobSystemGlobals()
  await settled()
  await api?.stopPayload(payload)
  await new Promise<void>((resolve) => cdn.close(() => resolve()))
})
beforeEach(async () => {
  await settled()
  calls.length = 0
})

test('a start purges everything at the CDN, with the token as a bearer', () => {
  expect(atStart).toEqual([
    { path: '/zones/zone-7/purge_cache', authorization: 'Bearer cdn-test-token', tags: ['all'] },
  ])
})

test('a publish’s tags reach the CDN right after the commit', async () => {
  const news = await payload.create({
    collection: 'news',
    data: { title: 'Für das CDN', _status: 'published' },
  })
  await payload.update({
    collection: 'news',
    id: news.id,
    data: { title: 'Geändert', _status: 'published' },
  })
  await settled()
  expect(calls.map((c) => c.path)).toEqual(Array(2).fill('/zones/zone-7/purge_cache'))
  expect(calls.every((c) => c.authorization === 'Bearer cdn-test-token')).toBe(true)
  expect(calls[1]!.tags).toEqual(expect.arrayContaining(['c:news', `d:news:${news.id}`, 'any']))
})

test('a CDN that fails is asked again with backoff', async () => {
  answers.push(500)
  await payload.create({
    collection: 'news',
    data: { title: 'CDN fällt aus', _status: 'published' },
  })
  await settled()
  expect(calls).toHaveLength(1)
  _internal_jobSystemGlobals.getCurrentDate = () => new Date(Date.now() + 60 * 60 * 1000)
  await payload.jobs.run({ queue: 'cdn', limit: 10, silent: true })
  await settled()
  expect(calls).toHaveLength(2)
  expect(calls[1]!.tags).toEqual(calls[0]!.tags)
})

test('a change that rolls back purges nothing', async () => {
  await rolledBack(payload, (req) =>
    payload.create({ collection: 'news', data: { title: 'Zurück', _status: 'published' }, req }),
  )
  await settled()
  expect(calls).toEqual([])
})
