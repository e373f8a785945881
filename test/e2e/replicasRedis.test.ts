/**
 * Two workers whose bus and limits go through Redis (REDIS_URL), as replicas on several hosts
 * share them (issue 24): a publish through one is what readers of the other get next, a new
 * document is found by search in both, and a limit counts across them. Debian's redis-server is
 * started on a free port (scripts/redisProcess.ts); `.ci/run` installs it.
 */
import { jest } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { startRedis, type RedisServer } from '../../scripts/redisProcess'
import { onFreshConnection } from '../helpers/freshConnection'
import { pidsOf, replicasAnswering } from '../helpers/replicas'
import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'
import { templateDatabase } from '../helpers/testEnv'

jest.setTimeout(120_000)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-replicas-redis-'))
let redis: RedisServer
let server: ProductionServer
let token: string

const replicas = (count = 4) => replicasAnswering(server.url, count)

beforeAll(async () => {
  redis = await startRedis()
  fs.copyFileSync(templateDatabase, path.join(dir, 'portal.db'))
  server = await startProductionServer({
    WEB_CONCURRENCY: '2',
    REDIS_URL: redis.url,
    DATABASE_URI: `file:${path.join(dir, 'portal.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    RATE_LIMIT_UNCACHED_PER_MINUTE: '8',
    RATE_LIMIT_UNCACHED_BURST: '0',
  })
  const deadline = Date.now() + 60_000
  while (pidsOf(await replicas()).length < 2) {
    if (Date.now() > deadline) throw new Error(`one worker only:\n${server.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  token = await loginToken(server)
})
afterAll(async () => {
  await server?.stop()
  await redis?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const graphql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
  const answer = await onFreshConnection(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.1' },
    body: JSON.stringify({ query, variables }),
  })
  return { ...answer, json: JSON.parse(answer.body) as { data: T } }
}

test('both workers are on the Redis bus', async () => {
  const seen = await replicas(4)
  expect(pidsOf(seen)).toHaveLength(2)
  expect(seen.every((replica) => replica.bus === 'redis')).toBe(true)
})

test('a publish through one worker is what readers of both get next, in the cache and in search', async () => {
  const query = '{ Principles(limit: 1, sort: "order") { docs { id title } } }'
  type Principles = { Principles: { docs: { id: string; title: string }[] } }
  const first = await graphql<Principles>(query)
  await graphql<Principles>(query)
  expect((await graphql<Principles>(query)).headers['x-cache']).toBe('HIT')
  const id = first.json.data.Principles.docs[0]!.id
  const title = 'Offene Modelle über Redis'
  const saved = await onFreshConnection(`${server.url}/api/principles/${id}?locale=de`, {
    method: 'PATCH',
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, _status: 'published' }),
  })
  expect(saved.status).toBe(200)
  for (let i = 0; i < 3; i++) {
    expect((await graphql<Principles>(query)).json.data.Principles.docs[0]!.title).toBe(title)
  }

  const news = await onFreshConnection(`${server.url}/api/news`, {
    method: 'POST',
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Quokkafreundliche Rechenzentren', _status: 'published' }),
  })
  expect(news.status).toBe(201)
  const search = '{ search(query: "Quokkafreundliche") { totalDocs } }'
  for (let i = 0; i < 3; i++) {
    const found = await graphql<{ search: { totalDocs: number } }>(search)
    expect(found.json.data.search.totalDocs).toBe(1)
  }
})

test('a limit counts across the workers in Redis', async () => {
  const statuses: number[] = []
  for (let i = 0; i < 12; i++) {
    const answer = await onFreshConnection(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.99' },
      // A new query each time: none is answered from the cache.
      body: JSON.stringify({ query: `{ Principles(limit: ${i + 1}) { totalDocs } }` }),
    })
    statuses.push(answer.status)
  }
  // Eight a minute from one address: counted per worker, all twelve would have passed.
  expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200))
  expect(statuses.slice(8)).toEqual([429, 429, 429, 429])
})

test('a replica with other secrets than the running ones refuses to join, saying why', async () => {
  // Its own data and fresh secrets (startProductionServer makes new ones), the same Redis.
  const other = path.join(dir, 'other.db')
  fs.copyFileSync(templateDatabase, other)
  const start = startProductionServer({
    REDIS_URL: redis.url,
    DATABASE_URI: `file:${other}`,
    MEDIA_DIR: path.join(dir, 'other-media'),
  })
  await expect(start).rejects.toThrow(/exited \(78\)/)
  await expect(start).rejects.toThrow(/PAYLOAD_SECRET or PREVIEW_SECRET differs/)
})
