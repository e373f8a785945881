import crypto from 'node:crypto'
import type { Payload } from 'payload'

import { startPayload, stopPayload } from '../helpers/api'
import { createUser } from '../helpers/users'
import { GET } from '../../src/app/(payload)/api/graphql/route'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

type Body = {
  data: Record<string, { docs: { title: string }[]; totalDocs: number }>
  errors: { message: string }[]
}

async function get(params: Record<string, unknown>, headers: Record<string, string> = {}) {
  const url = new URL('http://localhost:3000/api/graphql')
  for (const [key, value] of Object.entries(params)) {
    url.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value))
  }
  const response = await GET(new Request(url, { headers }))
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Body,
  }
}

const query =
  'query Principles($locale: LocaleInputType) { Principles(locale: $locale, sort: "position") { docs { title } } }'

test('a query with variables in the URL is answered like a POST', async () => {
  const res = await get({ query, variables: { locale: 'en' }, operationName: 'Principles' })
  expect(res.status).toBe(200)
  expect(res.body.data.Principles.docs[0].title).toBe('Open exchange')
})

test('mutations are refused over GET', async () => {
  const res = await get({ query: 'mutation { createNewsItem(data: { title: "x" }) { id } }' })
  expect(res.status).toBe(405)
  expect(res.headers.get('allow')).toBe('POST')
  expect(res.body.errors[0].message).toMatch(/POST only/)
  expect(
    (await payload.count({ collection: 'news', where: { title: { equals: 'x' } } })).totalDocs,
  ).toBe(0)
})

test('persisted queries: unknown hash, registration with the query, then the hash alone', async () => {
  const hash = crypto.createHash('sha256').update(query).digest('hex')
  const extensions = { persistedQuery: { version: 1, sha256Hash: hash } }
  const unknown = await get({ extensions, variables: { locale: 'de' } })
  expect(unknown.body.errors[0]).toMatchObject({ message: 'PersistedQueryNotFound' })

  const registered = await get({ query, extensions, variables: { locale: 'de' } })
  expect(registered.body.data.Principles.docs[0].title).toBe('Offener Austausch')

  const byHash = await get({ extensions, variables: { locale: 'en' } })
  expect(byHash.status).toBe(200)
  expect(byHash.body.data.Principles.docs[0].title).toBe('Open exchange')

  const mismatch = await get({ query: '{ Site { name } }', extensions })
  expect(mismatch.status).toBe(400)
})

test('limits and malformed input answer 400 over GET too', async () => {
  expect((await get({ query: '{ News(limit: 0) { totalDocs } }' })).status).toBe(400)
  expect((await get({ query: '{ News(' })).status).toBe(400)
  expect((await get({ query, variables: '{not json' })).status).toBe(400)
  expect((await get({})).status).toBe(400)
})

test('credentials are honoured over GET: drafts for an editor, not for the public', async () => {
  const editor = await createUser(payload, 'editor')
  await payload.create({
    collection: 'news',
    draft: true,
    data: { title: 'GET-Entwurf', _status: 'draft' },
  })
  const draftQuery =
    '{ News(draft: true, where: { title: { equals: "GET-Entwurf" } }) { totalDocs } }'
  expect((await get({ query: draftQuery })).body.data.News.totalDocs).toBe(0)
  const asEditor = await get({ query: draftQuery }, { Authorization: `JWT ${editor.token}` })
  expect(asEditor.body.data.News.totalDocs).toBe(1)
})
