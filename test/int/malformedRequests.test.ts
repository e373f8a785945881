import type { Payload } from 'payload'

import { rest, startPayload, stopPayload } from '../helpers/api'
import { createUser } from '../helpers/users'

/**
 * Requests the fuzz suite (test/e2e/hostileInput.test.ts) found answered with 500 by Payload:
 * each is the client's fault and now says so with a 4xx.
 */
let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

/** A raw REST request through the route handlers, with the exact body and content type. */
async function raw(
  method: 'POST' | 'PATCH',
  path: string,
  body: string,
  contentType: string,
  token?: string,
) {
  const route = await import('../../src/app/(payload)/api/[...slug]/route')
  const handler = method === 'POST' ? route.POST : route.PATCH
  const url = new URL(`/api${path}`, 'http://localhost:3000')
  const headers = new Headers({ 'Content-Type': contentType })
  if (token) headers.set('Authorization', `JWT ${token}`)
  const response = await handler(new Request(url, { method, headers, body }), {
    params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }),
  })
  return {
    status: response.status,
    body: (await response.json()) as { errors?: { message: string }[] },
  }
}

test('the versions of a collection without versions are a 404, not a 500', async () => {
  const signatory = (await payload.find({ collection: 'signatories', limit: 1 })).docs[0]!
  const anonymous = await rest('POST', `/signatories/versions/${signatory.id}`)
  expect(anonymous.status).toBe(404)
  const editor = await createUser(payload, 'editor')
  expect(
    (await rest('POST', `/signatories/versions/${signatory.id}`, { token: editor.token })).status,
  ).toBe(404)
})

test('a truncated multipart body is a 400 that says what is wrong', async () => {
  const editor = await createUser(payload, 'editor')
  const truncated = '--b\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{"title":"x"'
  const res = await raw('POST', '/news', truncated, 'multipart/form-data; boundary=b', editor.token)
  expect(res.status).toBe(400)
  expect(res.body.errors?.[0]?.message).toMatch(/multipart/)
})

test('a _payload field that is not JSON is a 400, and nothing is written', async () => {
  const editor = await createUser(payload, 'editor')
  const before = (await payload.count({ collection: 'news' })).totalDocs
  const body =
    '--b\r\nContent-Disposition: form-data; name="_payload"\r\n\r\n{not json\r\n--b--\r\n'
  const res = await raw('POST', '/news', body, 'multipart/form-data; boundary=b', editor.token)
  expect(res.status).toBe(400)
  expect(res.body.errors?.[0]?.message).toMatch(/JSON/)
  expect((await payload.count({ collection: 'news' })).totalDocs).toBe(before)
})

test('a REST path Payload has no endpoint for is a 404, not a 501', async () => {
  const { GET } = await import('../../src/app/(payload)/api/[...slug]/route')
  for (const path of ['payload-migrations', 'no-such-collection/x']) {
    const response = await GET(new Request(`http://localhost:3000/api/${path}`), {
      params: Promise.resolve({ slug: path.split('/') }),
    })
    expect(response.status).toBe(404)
  }
})

test('e-mail verification links, which the portal never sends, are a 404 for anyone', async () => {
  expect((await rest('POST', '/users/verify/abc')).status).toBe(404)
})

test('deleting a preference that does not exist is a 404; one that exists is deleted', async () => {
  const editor = await createUser(payload, 'editor')
  expect(
    (await rest('DELETE', '/payload-preferences/no-such-key', { token: editor.token })).status,
  ).toBe(404)
  const saved = await rest('POST', '/payload-preferences/columns', {
    token: editor.token,
    body: { value: { news: ['title'] } },
  })
  expect(saved.status).toBe(200)
  expect(
    (await rest('DELETE', '/payload-preferences/columns', { token: editor.token })).status,
  ).toBe(200)
  expect(
    (await rest('GET', '/payload-preferences/columns', { token: editor.token })).body.value,
  ).toBeNull()
})

test('a single-valued query parameter given twice or as a structure is a 400', async () => {
  for (const query of [
    'limit=0&limit=0',
    'limit=5&limit=6',
    'page[x]=1',
    'depth=1&depth=2',
    'locale[]=de',
  ]) {
    const res = await rest('GET', `/news?${query}`)
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/takes one value/)
  }
  expect((await rest('GET', '/news?limit=5&page=1&depth=0')).status).toBe(200)
})
