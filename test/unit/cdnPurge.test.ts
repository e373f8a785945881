/**
 * The CDN purge calls: Cloudflare's purge by tag and Fastly's purge by surrogate key, in batches
 * each API accepts, the token in a header; the settings each CDN needs are required.
 */
import { readEnvironment } from '@/core/env'
import { readCdnSettings } from '@/core/env/cdn'
import { cdnPurgeRequests } from '@/operations/sharedCache/cdnRequests'

const tags = Array.from({ length: 65 }, (_, i) => `d:news:${i}`)

test('Cloudflare: POST purge_cache with at most 30 tags a call, the token as a bearer', () => {
  const cdn = readCdnSettings(
    { CDN_PURGE: 'cloudflare', CLOUDFLARE_ZONE_ID: 'zone-1', CLOUDFLARE_API_TOKEN: 'secret' },
    [],
  )!
  const calls = cdnPurgeRequests(cdn, tags)
  expect(calls.map((c) => c.url)).toEqual(
    Array(3).fill('https://api.cloudflare.com/client/v4/zones/zone-1/purge_cache'),
  )
  const bodies = calls.map((c) => JSON.parse(String(c.init.body)) as { tags: string[] })
  expect(bodies.map((b) => b.tags.length)).toEqual([30, 30, 5])
  expect(bodies.flatMap((b) => b.tags)).toEqual(tags)
  expect(calls[0]!.init.headers).toMatchObject({ authorization: 'Bearer secret' })
  expect(calls.every((c) => !c.url.includes('secret'))).toBe(true)
})

test('Fastly: POST purge with the keys in Surrogate-Key and the token in Fastly-Key', () => {
  const cdn = readCdnSettings(
    {
      CDN_PURGE: 'fastly',
      FASTLY_SERVICE_ID: 'svc',
      FASTLY_API_TOKEN: 'tok',
      CDN_PURGE_API_URL: 'http://127.0.0.1:9/',
    },
    [],
  )!
  const [call, ...more] = cdnPurgeRequests(cdn, tags)
  expect(more).toHaveLength(0)
  expect(call!.url).toBe('http://127.0.0.1:9/service/svc/purge')
  expect(call!.init.headers).toEqual({ 'fastly-key': 'tok', 'surrogate-key': tags.join(' ') })
})

test('a CDN without its settings, or an unknown one, stops the start with a message', () => {
  expect(() => readEnvironment({ CDN_PURGE: 'cloudflare', CLOUDFLARE_ZONE_ID: 'z' })).toThrow(
    'CDN_PURGE=cloudflare needs CLOUDFLARE_API_TOKEN',
  )
  expect(() => readEnvironment({ CDN_PURGE: 'akamai' })).toThrow(
    'CDN_PURGE must be cloudflare or fastly, got "akamai"',
  )
  expect(readEnvironment({}).cdn).toBeUndefined()
})
