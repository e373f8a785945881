import crypto from 'node:crypto'
import http from 'node:http'
import { SignJWT } from 'jose'
import type { Payload } from 'payload'

import { invalidateReadCache } from '@/data/changes/changeLog'
import { limits } from '@/cms/apiLimits'

import { startPayload, stopPayload } from '../helpers/api'
import {
  cacheSize,
  HANDED_TO_NEXT,
  postGraphQL,
  startCacheServer,
  type CacheServer,
} from '../helpers/cacheServer'
import { createUser, type TestUser } from '../helpers/users'

const SITE = 'query Site($locale: LocaleInputType) { Site(locale: $locale) { name tagline } }'
const SIGNATORIES = '{ Signatories(limit: 50) { totalDocs } }'

let payload: Payload
let server: CacheServer
let editor: TestUser

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
  // Someone who signed but is not approved: only staff see them.
  await payload.create({
    collection: 'signatories',
    data: { displayName: 'Not yet approved', kind: 'person', status: 'awaiting-moderation' },
  })
  server = await startCacheServer(payload)
})
afterAll(async () => {
  await server.close()
  await stopPayload(payload)
})
beforeEach(() => invalidateReadCache())

describe('anonymous reads', () => {
  test('a POST is a miss, then a hit with the same body, ETag and revalidating Cache-Control', async () => {
    const first = await postGraphQL(server.base, SITE, { locale: 'de' })
    const second = await postGraphQL(server.base, SITE, { locale: 'de' })
    expect([first.status, first.cache, second.status, second.cache]).toEqual([
      200,
      'MISS',
      200,
      'HIT',
    ])
    expect(second.text).toBe(first.text)
    expect(JSON.parse(second.text).data.Site.name).toBeTruthy()
    expect(second.etag).toMatch(/^"[\w-]+"$/)
    expect(second.etag).toBe(first.etag)
    const res = await fetch(`${server.base}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: SITE, variables: { locale: 'de' } }),
    })
    expect(res.headers.get('cache-control')).toBe('public, no-cache')
    expect(res.headers.get('vary')?.toLowerCase()).toMatch(/origin.*accept|accept.*origin/)
  })

  test('If-None-Match with the ETag gets a 304 without a body', async () => {
    const { etag } = await postGraphQL(server.base, SITE)
    for (const tag of [etag!, `W/${etag}`, `"other", ${etag}`]) {
      const res = await fetch(`${server.base}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'If-None-Match': tag },
        body: JSON.stringify({ query: SITE, variables: {} }),
      })
      expect(res.status).toBe(304)
      expect(await res.text()).toBe('')
      expect(res.headers.get('etag')).toBe(etag)
    }
    const other = await postGraphQL(server.base, SITE, {}, { 'If-None-Match': '"something-else"' })
    expect(other.status).toBe(200)
  })

  test('the key is the normalised query, variables, operation name and locale', async () => {
    await postGraphQL(server.base, SITE, { locale: 'de' })
    // Whitespace and comments do not change the query.
    const reformatted = `# the site\n${SITE.replace(/ /g, '   ')}`
    expect((await postGraphQL(server.base, reformatted, { locale: 'de' })).cache).toBe('HIT')
    const english = await postGraphQL(server.base, SITE, { locale: 'en' })
    expect(english.cache).toBe('MISS')
    const german = await postGraphQL(server.base, SITE, { locale: 'de' })
    expect(JSON.parse(english.text).data.Site.tagline).not.toBe(
      JSON.parse(german.text).data.Site.tagline,
    )
    // The locale in the URL is part of the key too.
    const inUrl = await fetch(`${server.base}/api/graphql?locale=en`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Site { tagline } }' }),
    })
    expect(inUrl.headers.get('x-cache')).toBe('MISS')
    expect((await inUrl.json()).data.Site.tagline).toBe(JSON.parse(english.text).data.Site.tagline)
  })

  test('GET with query and variables in the URL, and by persisted-query hash', async () => {
    const query = '{ Site { name } }'
    const hash = crypto.createHash('sha256').update(query).digest('hex')
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } })
    const full = `${server.base}/api/graphql?query=${encodeURIComponent(query)}&extensions=${encodeURIComponent(extensions)}`
    const byHash = `${server.base}/api/graphql?extensions=${encodeURIComponent(extensions)}`
    const first = await fetch(full)
    expect([first.status, first.headers.get('x-cache')]).toEqual([200, 'MISS'])
    const body = await first.text()
    const again = await fetch(byHash)
    expect([again.status, again.headers.get('x-cache')]).toEqual([200, 'HIT'])
    expect(await again.text()).toBe(body)
    // A hash that does not match its query is refused, as without the cache, and never stored.
    const wrong = `${server.base}/api/graphql?query=${encodeURIComponent('{ Site { tagline } }')}&extensions=${encodeURIComponent(extensions)}`
    for (let i = 0; i < 2; i++) expect((await fetch(wrong)).status).toBe(400)
  })

  test('HEAD gets the headers of the cached GET', async () => {
    const url = `${server.base}/api/graphql?query=${encodeURIComponent('{ Site { name } }')}`
    const get = await fetch(url)
    const head = await fetch(url, { method: 'HEAD' })
    expect([head.status, head.headers.get('x-cache')]).toEqual([200, 'HIT'])
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
  })
})

describe('never cached', () => {
  test('a request with credentials gets its own answer and leaves the cache as it was', async () => {
    const anonymous = await postGraphQL(server.base, SIGNATORIES)
    expect((await postGraphQL(server.base, SIGNATORIES)).cache).toBe('HIT')
    const publicCount = JSON.parse(anonymous.text).data.Signatories.totalDocs as number
    const before = cacheSize()
    const credentials: Record<string, string>[] = [
      { Authorization: `JWT ${editor.token}` },
      { Authorization: `Bearer ${editor.token}` },
      { Cookie: `consent=yes; payload-token=${editor.token}`, 'Sec-Fetch-Site': 'same-origin' },
    ]
    for (const headers of credentials) {
      const res = await fetch(`${server.base}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ query: SIGNATORIES }),
      })
      expect(res.headers.get('x-cache')).toBe('BYPASS')
      expect(res.headers.get(HANDED_TO_NEXT)).toBe('1')
      expect((await res.json()).data.Signatories.totalDocs).toBe(publicCount + 1)
    }
    expect(cacheSize()).toEqual(before)
    // Payload's GraphQL does not read Next's draft-mode cookies: they change nothing it answers.
    for (const cookie of ['__prerender_bypass=x', '__next_preview_data=y']) {
      const res = await postGraphQL(server.base, SIGNATORIES, {}, { Cookie: cookie })
      expect(res.cache).toBe('HIT')
    }
    // Cookies that say nothing about who is asking do not count.
    expect((await postGraphQL(server.base, SIGNATORIES, {}, { Cookie: 'consent=yes' })).cache).toBe(
      'HIT',
    )
  })

  test('a token that is not valid gets the public answer, from the cache', async () => {
    const anonymous = await postGraphQL(server.base, SIGNATORIES)
    const [header, claims] = editor.token.split('.')
    const forged = `${header}.${claims}.${'A'.repeat(43)}`
    const expired = await new SignJWT({ id: editor.user.id, collection: 'users' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(payload.secret))
    const offered: Record<string, string>[] = [
      { Authorization: 'JWT not-a-token' },
      { Authorization: `JWT ${forged}` },
      { Authorization: `Bearer ${expired}` },
      { Authorization: 'users API-Key abc' },
      { Cookie: 'payload-token=junk' },
    ]
    for (const headers of offered) {
      const res = await postGraphQL(server.base, SIGNATORIES, {}, headers)
      expect(res.cache).toBe('HIT')
      expect(res.text).toBe(anonymous.text)
    }
  })

  test('mutations, over POST, are answered but never stored', async () => {
    const mutation = `mutation ($email: String!) { loginUser(email: $email, password: "wrong") { token } }`
    for (let i = 0; i < 2; i++) {
      const res = await postGraphQL(server.base, mutation, { email: `nobody${i}@test.example` })
      expect(res.cache).toBe('BYPASS')
      expect(JSON.parse(res.text).errors).toBeDefined()
    }
    const login = await postGraphQL(
      server.base,
      `mutation { loginUser(email: "${editor.email}", password: "${editor.password}") { token } }`,
    )
    expect(login.cache).toBe('BYPASS')
    expect(JSON.parse(login.text).data.loginUser.token).toBeTruthy()
    expect(cacheSize().entries).toBe(0)
  })

  test('draft: true, as a literal or a variable, is never cached', async () => {
    const literal = '{ News(draft: true, limit: 1) { docs { id } } }'
    const variable = 'query ($draft: Boolean) { News(draft: $draft, limit: 1) { docs { id } } }'
    const byDefault = 'query ($d: Boolean = true) { News(draft: $d, limit: 1) { docs { id } } }'
    for (let i = 0; i < 2; i++) {
      expect((await postGraphQL(server.base, literal)).cache).toBe('BYPASS')
      expect((await postGraphQL(server.base, variable, { draft: true })).cache).toBe('BYPASS')
      expect((await postGraphQL(server.base, byDefault)).cache).toBe('BYPASS')
    }
    expect(cacheSize().entries).toBe(0)
    await postGraphQL(server.base, variable, { draft: false })
    expect((await postGraphQL(server.base, variable, { draft: false })).cache).toBe('HIT')
  })

  test('errors and non-200 answers are never stored', async () => {
    for (let i = 0; i < 2; i++) {
      // A validation failure: 200 or 400 depending on Accept, with errors either way.
      const unknownField = await postGraphQL(server.base, '{ Site { noSuchField } }')
      expect(unknownField.cache).toBe('MISS')
      expect(JSON.parse(unknownField.text).errors).toBeDefined()
      // Refused by access control: 200 with errors.
      const versions = await postGraphQL(server.base, '{ versionsNews { docs { id } } }')
      expect(versions.cache).toBe('MISS')
      expect(JSON.parse(versions.text).errors).toBeDefined()
      const tooLarge = await postGraphQL(server.base, '{ News(limit: 1000) { docs { id } } }')
      expect([tooLarge.status, tooLarge.cache]).toEqual([400, 'MISS'])
    }
    expect(cacheSize().entries).toBe(0)
  })
})

describe('the body limit', () => {
  const oversized = JSON.stringify({
    query: `{ Site { name } } # ${'x'.repeat(limits.maxBodyBytes)}`,
  })

  test('a declared body over maxBodyBytes is refused with 400 LIMIT_EXCEEDED', async () => {
    const res = await fetch(`${server.base}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: oversized,
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] }
    expect(body.errors[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxBodyBytes',
    })
  })

  test('so is a chunked body without a declared length that grows past it', async () => {
    const { port } = new URL(server.base)
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        {
          port,
          path: '/api/graphql',
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
        },
        (res) => {
          let body = ''
          res.on('data', (chunk) => (body += chunk))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        },
      )
      req.on('error', reject)
      req.write(oversized.slice(0, 1000))
      req.end(oversized.slice(1000))
    })
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body).errors[0].extensions.limit).toBe('maxBodyBytes')
  })
})

describe('settings', () => {
  test('the memory budget holds: the least recently used answers make room', async () => {
    const small = await startCacheServer(payload, { maxBytes: 8 * 1024 })
    try {
      const seen: number[] = []
      for (let i = 0; i < 40; i++) {
        expect((await postGraphQL(small.base, `{ Site { n${i}: name } }`)).status).toBe(200)
        seen.push(cacheSize().bytes)
      }
      expect(Math.max(...seen)).toBeLessThanOrEqual(8 * 1024)
      expect(cacheSize().entries).toBeLessThan(40)
      // The first answers were evicted; the last one is still there.
      expect((await postGraphQL(small.base, '{ Site { n0: name } }')).cache).toBe('MISS')
      expect((await postGraphQL(small.base, '{ Site { n39: name } }')).cache).toBe('HIT')
    } finally {
      await small.close()
    }
  })

  test('READ_CACHE_SHARED_MAX_AGE lets shared caches keep answers for that long', async () => {
    const shared = await startCacheServer(payload, { sharedMaxAge: 60 })
    try {
      const res = await fetch(
        `${shared.base}/api/graphql?query=${encodeURIComponent('{ Site { name } }')}`,
      )
      expect(res.headers.get('cache-control')).toBe(
        'public, max-age=0, s-maxage=60, stale-while-revalidate=60',
      )
    } finally {
      await shared.close()
    }
  })
})
