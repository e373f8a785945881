/**
 * The read cache keys what an answer depends on, and nothing else (docs/caching.md), on the
 * production build: cache-busting query strings and headers, and credentials that are not
 * valid, all reach the one cached entry; a flood of junk variants cannot evict the pages
 * readers keep asking for.
 */
import { computeCacheBustingSearchParam } from 'next/dist/shared/lib/router/utils/cache-busting-search-param.js'

import { startProductionServer, type ProductionServer } from '../helpers/productionServer'

let server: ProductionServer

beforeAll(async () => {
  // A small budget, so that a flood of junk could fill it many times over.
  server = await startProductionServer({ READ_CACHE_MAX_BYTES: String(1024 * 1024) })
}, 120_000)
afterAll(() => server?.stop())

type Seen = { status: number; cache: string | null; etag: string | null }

async function get(path: string, headers: Record<string, string> = {}): Promise<Seen> {
  const res = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' })
  await res.arrayBuffer()
  return { status: res.status, cache: res.headers.get('x-cache'), etag: res.headers.get('etag') }
}

/** Fills the entry for `path` and asks again, so it is one readers came back to. */
async function warm(path: string, headers: Record<string, string> = {}): Promise<string> {
  await get(path, headers)
  const again = await get(path, headers)
  expect(again.cache).toBe('HIT')
  return again.etag!
}

test('query strings and headers a page does not read hit the same entry', async () => {
  const etag = await warm('/de', { 'Accept-Encoding': 'gzip' })
  const variants: [string, Record<string, string>][] = [
    ['/de?utm_source=newsletter&utm_campaign=x', {}],
    ['/de?fbclid=abc', {}],
    ['/de', { Host: 'portal.attacker.example' }],
    ['/de', { 'X-Forwarded-Host': 'elsewhere.example', 'X-Forwarded-Proto': 'https' }],
    ['/de', { 'Accept-Encoding': 'gzip, deflate, br' }],
    ['/de', { 'Accept-Encoding': 'br;q=1.0, gzip;q=0.8, *;q=0.1' }],
    // Router headers without RSC: a full page ignores them.
    ['/de', { 'Next-Router-State-Tree': '%5B%22junk%22%5D', 'Next-Url': '/junk' }],
    // Credentials that are not valid are the public.
    ['/de', { Authorization: 'JWT eyJhbGciOiJIUzI1NiJ9.e30.junk' }],
    ['/de', { Cookie: 'payload-token=junk; __prerender_bypass=guessed' }],
  ]
  for (const [path, headers] of variants) {
    const seen = await get(path, { 'Accept-Encoding': 'gzip', ...headers })
    expect(`${path} ${JSON.stringify(headers)}: ${seen.cache} ${seen.etag === etag}`).toBe(
      `${path} ${JSON.stringify(headers)}: HIT true`,
    )
  }
  // What a page does read keys it apart.
  expect((await get('/de/news?tag=workshop')).cache).toBe('MISS')
  expect((await get('/de/news?tag=workshop&utm_source=x')).cache).toBe('HIT')
})

test('GraphQL: origins CORS does not allow and equivalent Accept headers hit the same entry', async () => {
  const query = `/api/graphql?query=${encodeURIComponent('{ Site { name } }')}`
  const etag = await warm(query)
  const equivalent: Record<string, string>[] = [
    { Origin: 'https://attacker.example' },
    { Origin: 'null' },
    { Accept: '*/*' },
    { Accept: 'application/json; charset=utf-8' },
    { Accept: 'application/json, text/plain, */*' },
    { Authorization: 'Bearer junk' },
  ]
  for (const headers of equivalent) {
    const seen = await get(query, headers)
    expect(`${JSON.stringify(headers)}: ${seen.cache} ${seen.etag === etag}`).toBe(
      `${JSON.stringify(headers)}: HIT true`,
    )
  }
  // An allowed origin gets its own answer (with its CORS headers), and so does another media type.
  expect((await get(query, { Origin: server.url })).cache).toBe('MISS')
  expect((await get(query, { Accept: 'application/graphql-response+json' })).cache).toBe('MISS')
})

/** An RSC request for `path` with a router state tree no real client sends, and its valid `_rsc`. */
async function junkVariant(path: string, i: number): Promise<[string, Record<string, string>]> {
  const tree = encodeURIComponent(JSON.stringify(['', { children: [`junk-${i}`, {}] }, null, null]))
  const rsc = await computeCacheBustingSearchParam('1', undefined, tree, undefined)
  return [
    `${path}?_rsc=${rsc}`,
    { RSC: '1', 'Next-Router-Prefetch': '1', 'Next-Router-State-Tree': tree },
  ]
}

test('a real page stays cached through a flood of junk variants nobody asks for twice', async () => {
  const etag = await warm('/de/people')
  const stored = []
  for (let i = 0; i < 80; i++) {
    const [path, headers] = await junkVariant('/de/people', i)
    stored.push((await get(path, headers)).status)
  }
  // The junk was answered (and stored, each once), far more of it than the budget holds.
  expect(stored.every((status) => status === 200)).toBe(true)
  const seen = await get('/de/people')
  expect([seen.cache, seen.etag]).toEqual(['HIT', etag])
})
