/**
 * Without the read cache (READ_CACHE_MAX_BYTES=0) the express layer still answers anonymous
 * GraphQL requests itself, with the route's handlers, exactly as Next's route would: same answers,
 * same refusals, no cache headers. Anything with credentials, uploads and other methods still go
 * to Next.
 */
import type { Payload } from 'payload'

import { LIMIT_CODE, limits } from '@/cms/apiLimits'

import { startPayload, stopPayload } from '../helpers/api'
import { createUser } from '../helpers/users'
import {
  HANDED_TO_NEXT,
  postGraphQL,
  startCacheServer,
  type CacheServer,
} from '../helpers/cacheServer'
import { POST } from '../../src/app/(payload)/api/graphql/route'

const SITE = 'query Site($locale: LocaleInputType) { Site(locale: $locale) { name tagline } }'

let payload: Payload
let server: CacheServer
beforeAll(async () => {
  payload = await startPayload()
  server = await startCacheServer(payload, { maxBytes: 0 })
})
afterAll(async () => {
  await server.close()
  await stopPayload(payload)
})

/** The same request straight to the route handler, as Next would call it. */
async function viaRoute(query: string, variables: Record<string, unknown>) {
  const response = await POST(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    }),
  )
  return { status: response.status, text: await response.text() }
}

test('an anonymous POST is answered here, as the route answers it, without cache headers', async () => {
  const res = await fetch(`${server.base}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: SITE, variables: { locale: 'en' } }),
  })
  expect(res.headers.get(HANDED_TO_NEXT)).toBeNull()
  expect(res.headers.get('x-cache')).toBeNull()
  expect(res.headers.get('etag')).toBeNull()
  const text = await res.text()
  expect({ status: res.status, text }).toEqual(await viaRoute(SITE, { locale: 'en' }))
  expect(JSON.parse(text).data.Site.name).toBeTruthy()
})

test('refusals by a limit keep their 400 and message', async () => {
  const query = `{ News(limit: ${limits.maxPageSize + 1}) { totalDocs } }`
  const answer = await postGraphQL(server.base, query)
  expect(answer.status).toBe(400)
  expect(JSON.parse(answer.text).errors[0].extensions).toMatchObject({
    code: LIMIT_CODE,
    limit: 'maxPageSize',
  })
  expect(answer).toMatchObject({ cache: null, text: (await viaRoute(query, {})).text })
})

test('a body over maxBodyBytes is refused with 400 here', async () => {
  const res = await fetch(`${server.base}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    // No declared length (a stream): the limit applies while reading.
    body: new Blob([
      JSON.stringify({ query: `{ Site { name } } #${'x'.repeat(limits.maxBodyBytes)}` }),
    ]).stream(),
    duplex: 'half',
  } as RequestInit)
  expect(res.status).toBe(400)
  expect((await res.json()).errors[0].extensions.limit).toBe('maxBodyBytes')
})

test('an anonymous GET read is answered here too', async () => {
  const res = await fetch(
    `${server.base}/api/graphql?query=${encodeURIComponent('{ Site { name } }')}`,
  )
  expect(res.status).toBe(200)
  expect(res.headers.get(HANDED_TO_NEXT)).toBeNull()
  expect((await res.json()).data.Site.name).toBeTruthy()
})

test('a logged-in user and other methods go to Next; tokens that are not valid do not', async () => {
  const post = (headers: Record<string, string>, body: BodyInit) =>
    fetch(`${server.base}/api/graphql`, { method: 'POST', headers, body })
  const json = JSON.stringify({ query: SITE })
  const editor = await createUser(payload, 'editor')
  const handedOver = [
    await post({ 'Content-Type': 'application/json', Authorization: `JWT ${editor.token}` }, json),
    await post(
      { 'Content-Type': 'application/json', Cookie: `payload-token=${editor.token}` },
      json,
    ),
    await fetch(`${server.base}/api/graphql`, { method: 'OPTIONS' }),
  ]
  for (const res of handedOver) expect(res.headers.get(HANDED_TO_NEXT)).toBe('1')
  // Junk is the public: answered here, as any anonymous request.
  const junk: Record<string, string>[] = [
    { Authorization: 'JWT not-a-token' },
    { Cookie: 'payload-token=x' },
  ]
  for (const headers of junk) {
    const res = await post({ 'Content-Type': 'application/json', ...headers }, json)
    expect(res.status).toBe(200)
    expect(res.headers.get(HANDED_TO_NEXT)).toBeNull()
  }
  // A body that is not JSON is refused at the edge: Payload's handler reads JSON only.
  expect((await post({}, new URLSearchParams({ query: SITE }))).status).toBe(415)
})
