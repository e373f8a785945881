import { cacheControl } from '@/cache/cacheControl'
import { carriesCredentials } from '@/cache/credentials'
import { etagOf, matchesIfNoneMatch } from '@/cache/etag'
import { pageRead } from '@/cache/pageRequest'
import { currentGeneration, invalidateReadCache, readCacheState } from '@/cache/state'
import { endOfUtcDay, ReadCache } from '@/cache/store'

const noHeaders = () => ''
const entry = (body: string, vary: [string, string][] = []) => ({
  headers: [['content-type', 'text/plain']] as [string, string][],
  body: Buffer.from(body),
  etag: etagOf(Buffer.from(body)),
  vary,
})

beforeEach(() => invalidateReadCache())

describe('the store', () => {
  test('refuses an answer read under an older generation', () => {
    const cache = new ReadCache(1024 * 1024)
    const started = currentGeneration()
    invalidateReadCache()
    expect(cache.admit('k', entry('old'), started)).toBe(false)
    expect(cache.lookup('k', noHeaders)).toBeUndefined()
    expect(cache.admit('k', entry('new'), currentGeneration())).toBe(true)
    expect(cache.lookup('k', noHeaders)?.body.toString()).toBe('new')
  })

  test('stays within its budget, evicting the least recently used first', () => {
    const cache = new ReadCache(2500)
    const generation = currentGeneration()
    for (const key of ['a', 'b', 'c']) cache.admit(key, entry('x'.repeat(400)), generation)
    cache.lookup('a', noHeaders)
    cache.admit('d', entry('x'.repeat(400)), generation)
    expect(readCacheState().bytes).toBeLessThanOrEqual(2500)
    expect(cache.lookup('b', noHeaders)).toBeUndefined()
    expect(cache.lookup('a', noHeaders)).toBeDefined()
    expect(cache.lookup('d', noHeaders)).toBeDefined()
    // Larger than the whole budget: not stored, nothing evicted for it.
    expect(cache.admit('huge', entry('x'.repeat(3000)), generation)).toBe(false)
    expect(cache.lookup('a', noHeaders)).toBeDefined()
  })

  test('a request whose Vary headers differ is a miss', () => {
    const cache = new ReadCache(1024 * 1024)
    cache.admit('k', entry('x', [['accept-language', 'de']]), currentGeneration())
    expect(cache.lookup('k', (name) => (name === 'accept-language' ? 'de' : ''))).toBeDefined()
    expect(cache.lookup('k', (name) => (name === 'accept-language' ? 'en' : ''))).toBeUndefined()
  })

  test('nothing outlives the UTC day it was stored on', () => {
    const cache = new ReadCache(1024 * 1024)
    const evening = Date.UTC(2026, 4, 4, 23, 59, 0)
    cache.admit('k', entry('x'), currentGeneration(), evening)
    expect(cache.lookup('k', noHeaders, evening + 59_000)).toBeDefined()
    expect(cache.lookup('k', noHeaders, Date.UTC(2026, 4, 5))).toBeUndefined()
    expect(endOfUtcDay(evening)).toBe(Date.UTC(2026, 4, 5))
  })
})

describe('credentials', () => {
  test('Authorization, the login cookie and draft-mode cookies count; other cookies do not', () => {
    expect(carriesCredentials({ authorization: 'users API-Key abc' }, 'payload')).toBe(true)
    expect(carriesCredentials({ cookie: 'a=1; payload-token=x' }, 'payload')).toBe(true)
    expect(carriesCredentials({ cookie: '__prerender_bypass=1' }, 'payload')).toBe(true)
    expect(carriesCredentials({ cookie: '__next_preview_data=1' }, 'payload')).toBe(true)
    expect(carriesCredentials({ cookie: 'consent=1; my-payload-token=x' }, 'payload')).toBe(false)
    expect(carriesCredentials({}, 'payload')).toBe(false)
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
    const keys = new Set([key('/de'), key('/en'), key('/de?page=2'), key('/de', '1')])
    expect(keys.size).toBe(4)
    expect(key('/de')).toBe(key('/de'))
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
