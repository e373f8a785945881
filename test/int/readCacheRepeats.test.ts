import http from 'node:http'
import type { Payload } from 'payload'

import { invalidateReadCache } from '@/data/changes/changeLog'

import { startPayload, stopPayload } from '../helpers/api'
import { HANDED_TO_NEXT, startCacheServer, type CacheServer } from '../helpers/cacheServer'
import { createUser, type TestUser } from '../helpers/users'

/**
 * Repeats of anonymous reads are answered at the front, from what the read cache learnt when the
 * same request passed the whole edge (src/edge/front.ts, src/readCache/serve/repeats.ts). What a
 * client gets must not depend on which way its answer took, and nothing the edge would refuse or
 * hand on may be answered there.
 */
const SITE = 'query Site($locale: LocaleInputType) { Site(locale: $locale) { name tagline } }'
const BODY = JSON.stringify({ query: SITE, variables: { locale: 'de' } })

let payload: Payload
let server: CacheServer
let editor: TestUser

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
  server = await startCacheServer(payload)
})
afterAll(async () => {
  await server.close()
  await stopPayload(payload)
})
beforeEach(() => invalidateReadCache())

const post = (headers: Record<string, string> = {}) =>
  fetch(`${server.base}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: BODY,
  })

/** A response's headers without the ones that differ on every response. */
async function seen(res: Response) {
  const headers = Object.fromEntries(res.headers)
  expect(headers['x-request-id']).toMatch(/^[\w-]{8,}$/)
  delete headers['x-request-id']
  delete headers.date
  delete headers['keep-alive']
  return { status: res.status, headers, body: await res.text() }
}

test('a repeat gets what the first hit of the same request got, headers and body', async () => {
  // `*/*` and `application/json` get the same answer (one key); each is a new request to the front.
  expect((await post({ Accept: '*/*' })).headers.get('x-cache')).toBe('MISS')
  const firstHit = await seen(await post({ Accept: 'application/json' }))
  const repeat = await seen(await post({ Accept: 'application/json' }))
  expect(firstHit.headers['x-cache']).toBe('HIT')
  expect(repeat).toEqual(firstHit)
  expect(repeat.headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'strict-origin-when-cross-origin',
  })
  expect(JSON.parse(repeat.body).data.Site.name).toBeTruthy()
})

test('a repeat after a change gets the changed answer', async () => {
  await post()
  expect((await post()).headers.get('x-cache')).toBe('HIT')
  const tagline = `Neue Welle ${Date.now()}`
  await payload.updateGlobal({ slug: 'site', locale: 'de', data: { tagline } })
  const after = await post()
  expect(after.headers.get('x-cache')).toBe('MISS')
  expect(JSON.parse(await after.text()).data.Site.tagline).toBe(tagline)
  expect((await post()).headers.get('x-cache')).toBe('HIT')
})

test('the same request with a session is never answered from a repeat', async () => {
  await post()
  expect((await post()).headers.get('x-cache')).toBe('HIT')
  const sessions: Record<string, string>[] = [
    { Authorization: `JWT ${editor.token}` },
    { Cookie: `theme=dark; payload-token=${editor.token}` },
    // Spaced as the identity check still reads it (it trims names).
    { Cookie: `payload-token =${editor.token}` },
  ]
  for (const headers of sessions) {
    const res = await post(headers)
    expect(res.headers.get(HANDED_TO_NEXT)).toBe('1')
    expect(res.headers.get('x-cache')).not.toBe('HIT')
  }
  // Other cookies change nothing: the repeat is still a hit.
  expect((await post({ Cookie: 'theme=dark' })).headers.get('x-cache')).toBe('HIT')
})

test('a repeat with a malformed Host is refused as the whole edge refuses it', async () => {
  await post()
  expect((await post()).headers.get('x-cache')).toBe('HIT')
  const { port } = new URL(server.base)
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/api/graphql',
        headers: { Host: 'not a host', 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end(BODY)
  })
  expect(status).toBe(400)
})

test('a client that goes away while its body is read leaves the server answering', async () => {
  const { port } = new URL(server.base)
  await new Promise<void>((resolve) => {
    const req = http.request({
      port,
      host: '127.0.0.1',
      method: 'POST',
      path: '/api/graphql',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(BODY.length) },
    })
    req.on('error', () => resolve())
    req.write(BODY.slice(0, 10))
    setTimeout(() => {
      req.destroy()
      resolve()
    }, 50)
  })
  expect((await post()).status).toBe(200)
  expect((await post()).headers.get('x-cache')).toBe('HIT')
})
