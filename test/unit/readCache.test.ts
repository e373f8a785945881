import { cacheControl } from '@/readCache/cacheControl'
import { etagOf, matchesIfNoneMatch } from '@/readCache/etag'
import { pageRead } from '@/readCache/pageRequest'
import { emptyReadSet, type ReadSet } from '@/data/changes/readSet'
import { cacheContents, currentSequence, invalidateReadCache } from '@/data/changes/changeLog'
import { endOfUtcDay, ReadCache } from '@/readCache/store'

const noHeaders = () => ''
/** A read set of one list read of news. */
const newsList = (): ReadSet => ({ ...emptyReadSet(), collections: new Set(['news']) })

const entry = (body: string, vary: [string, string][] = [], reads = newsList()) => ({
  headers: [['content-type', 'text/plain']] as [string, string][],
  body: Buffer.from(body),
  etag: etagOf(Buffer.from(body)),
  vary,
  reads,
})

beforeEach(() => invalidateReadCache())

describe('the store', () => {
  test('refuses an answer computed before a change to everything', () => {
    const cache = new ReadCache(1024 * 1024)
    const started = currentSequence()
    invalidateReadCache()
    expect(cache.admit('k', entry('old'), started)).toBe(false)
    expect(cache.lookup('k', noHeaders)).toBeUndefined()
    expect(cache.admit('k', entry('new'), currentSequence())).toBe(true)
    expect(cache.lookup('k', noHeaders)?.body.toString()).toBe('new')
  })

  test('stays within its budget, evicting the least recently used answer first', () => {
    // A quarter of the budget (2,500 bytes) for answers asked for once: three of these fit.
    const cache = new ReadCache(10_000)
    const generation = currentSequence()
    for (const key of ['a', 'b', 'c']) cache.admit(key, entry('x'.repeat(400)), generation)
    cache.admit('d', entry('x'.repeat(400)), generation)
    expect(cacheContents().bytes).toBeLessThanOrEqual(10_000)
    expect(cache.lookup('a', noHeaders)).toBeUndefined()
    for (const key of ['b', 'c', 'd']) expect(cache.lookup(key, noHeaders)).toBeDefined()
    // Larger than probation's share: not stored, nothing evicted for it.
    expect(cache.admit('huge', entry('x'.repeat(3000)), generation)).toBe(false)
    expect(cache.lookup('b', noHeaders)).toBeDefined()
  })

  test('an answer asked for again survives any number of answers asked for once', () => {
    const cache = new ReadCache(10_000)
    const generation = currentSequence()
    cache.admit('real page', entry('x'.repeat(400)), generation)
    expect(cache.lookup('real page', noHeaders)).toBeDefined()
    for (let i = 0; i < 1000; i++) cache.admit(`junk ${i}`, entry('x'.repeat(400)), generation)
    expect(cache.lookup('real page', noHeaders)?.body.length).toBe(400)
    expect(cacheContents().bytes).toBeLessThanOrEqual(10_000)
  })

  test('past its share, the protected segment hands its oldest back to probation', () => {
    const cache = new ReadCache(4000)
    const generation = currentSequence()
    // Probation holds one (1,000 bytes), protected three (3,000 bytes) of these.
    for (let i = 0; i < 5; i++) {
      cache.admit(`p${i}`, entry('x'.repeat(300)), generation)
      expect(cache.lookup(`p${i}`, noHeaders)).toBeDefined()
    }
    expect(cacheContents().bytes).toBeLessThanOrEqual(4000)
    // p0, the oldest, went back to probation, where the next new answer takes its place.
    cache.admit('new', entry('x'.repeat(300)), generation)
    expect(cache.lookup('p0', noHeaders)).toBeUndefined()
    for (let i = 1; i < 5; i++) expect(cache.lookup(`p${i}`, noHeaders)).toBeDefined()
  })

  test('a request whose Vary headers differ is a miss', () => {
    const cache = new ReadCache(1024 * 1024)
    cache.admit('k', entry('x', [['accept-language', 'de']]), currentSequence())
    expect(cache.lookup('k', (name) => (name === 'accept-language' ? 'de' : ''))).toBeDefined()
    expect(cache.lookup('k', (name) => (name === 'accept-language' ? 'en' : ''))).toBeUndefined()
  })

  test('nothing outlives the UTC day it was stored on', () => {
    const cache = new ReadCache(1024 * 1024)
    const evening = Date.UTC(2026, 4, 4, 23, 59, 0)
    cache.admit('k', entry('x'), currentSequence(), evening)
    expect(cache.lookup('k', noHeaders, evening + 59_000)).toBeDefined()
    expect(cache.lookup('k', noHeaders, Date.UTC(2026, 4, 5))).toBeUndefined()
    expect(endOfUtcDay(evening)).toBe(Date.UTC(2026, 4, 5))
  })
})

describe('pages', () => {
  test('the admin, the API, Next internals and previews are never cached, however spelled', () => {
    for (const url of [
      '/admin',
      '/admin/collections/news',
      '/%61dmin',
      '//admin',
      '/api/news',
      '/_next/static/x.js',
      '/preview?path=/de',
      '/de?preview=1',
      '/de?draft=true',
      '/de?secret=x',
    ]) {
      expect(pageRead(url, noHeaders)).toMatchObject({ cacheable: false })
    }
    const serverAction = pageRead('/de', (name) => (name === 'next-action' ? 'abc' : ''))
    expect(serverAction.cacheable).toBe(false)
  })

  test('the key tells pages, query strings and RSC requests apart', () => {
    const key = (url: string, rsc = '') =>
      (pageRead(url, (name) => (name === 'rsc' ? rsc : '')) as { key: string }).key
    const keys = new Set([
      key('/de'),
      key('/en'),
      key('/de/news?page=2'),
      key('/de/news?page=3'),
      key('/de', '1'),
    ])
    expect(keys.size).toBe(5)
    expect(key('/de')).toBe(key('/de'))
  })

  test('the key holds only what the page reads: its own parameters, each as it reads them', () => {
    const key = (url: string) => (pageRead(url, () => '') as { key: string }).key
    expect(key('/de?utm_source=x&fbclid=y')).toBe(key('/de'))
    expect(key('/de/news?tag=ai&utm_source=x')).toBe(key('/de/news?tag=ai'))
    expect(key('/de/news?page=2&tag=ai')).toBe(key('/de/news?tag=ai&page=2'))
    expect(key('/de/news?tag=ai&tag=other')).toBe(key('/de/news?tag=ai'))
    expect(key('/de/news?tag=%20ai%20')).toBe(key('/de/news?tag=ai'))
    expect(key('/de/news?tag=')).toBe(key('/de/news'))
    expect(key('/de/news?tag=ai')).not.toBe(key('/de/news?tag=other'))
    expect(key('/de/projects?status=active')).not.toBe(key('/de/projects'))
    // A parameter one page reads means nothing to another.
    expect(key('/de/people?tag=ai')).toBe(key('/de/people'))
  })
})

describe('validators and Cache-Control', () => {
  test('If-None-Match matches the ETag in its lists, weak forms and *', () => {
    const etag = etagOf(Buffer.from('body'))
    expect(etag).not.toBe(etagOf(Buffer.from('other body')))
    expect(matchesIfNoneMatch(etag, etag)).toBe(true)
    expect(matchesIfNoneMatch(`"a", W/${etag}`, etag)).toBe(true)
    expect(matchesIfNoneMatch('*', etag)).toBe(true)
    expect(matchesIfNoneMatch('"a"', etag)).toBe(false)
    expect(matchesIfNoneMatch(undefined, etag)).toBe(false)
  })

  test('downstream caches revalidate every time unless a shared max-age is set', () => {
    expect(cacheControl(0)).toBe('public, no-cache')
    expect(cacheControl(30)).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30')
  })
})
