import crypto from 'node:crypto'

import { callFromGet, callFromPost } from '@/graphql/request/call'
import { parsedDocument } from '@/graphql/request/documents'
import { graphqlRead } from '@/readCache/graphqlKey'

const headers =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? ''

const keyOf = (read: ReturnType<typeof graphqlRead>) => (read.cacheable ? read.key : read.reason)

const post = (body: unknown, search = '') => callFromPost(JSON.stringify(body), search)

test('a body sent twice is read once: the same call, the same key', () => {
  const body = { query: '{ Site { name } }', variables: { locale: 'en' } }
  const first = post(body, '?locale=de')
  expect(post(body, '?locale=de')).toBe(first)
  const header = headers({ origin: 'https://frontend.example', accept: 'application/json' })
  expect(graphqlRead(first, header)).toEqual(graphqlRead(post(body, '?locale=de'), header))
})

test('one query text is parsed once, whoever sends it', () => {
  const query = 'query Once { Site { name } }'
  const viaPost = post({ query })
  const viaGet = callFromGet(new URLSearchParams({ query }))
  expect(viaPost.refused || viaGet.refused).toBeFalsy()
  if (viaPost.refused || viaGet.refused) return
  expect(viaPost.parsed).toBe(parsedDocument(query))
  expect(viaGet.parsed).toBe(viaPost.parsed)
})

test('a GET and the POST that asks the same share one cache key', () => {
  const query = '{ News { docs { title } } }'
  const header = headers({ accept: 'application/json' })
  const viaGet = graphqlRead(callFromGet(new URLSearchParams({ query })), header)
  expect(viaGet.cacheable).toBe(true)
  expect(keyOf(viaGet)).toBe(keyOf(graphqlRead(post({ query }), header)))
})

test('the query string and the keyed headers still tell requests apart', () => {
  const call = (search: string) => post({ query: '{ Site { name } }' }, search)
  const key = (search: string, origin: string) =>
    keyOf(graphqlRead(call(search), headers({ origin })))
  expect(key('', 'https://a.example')).not.toBe(key('', 'https://b.example'))
  expect(key('?locale=en', 'https://a.example')).not.toBe(key('', 'https://a.example'))
})

test.each([
  [
    {
      query: 'query Q($d: Boolean) { News(draft: $d) { docs { title } } }',
      variables: { d: true },
    },
    'draft',
  ],
  [{ query: 'mutation { createNewsItem(data: { title: "x" }) { id } }' }, 'mutation'],
  [{ query: '{ News(' }, 'unparsable query'],
  [{ variables: {} }, 'no query'],
])('never cached: %j (%s)', (body, reason) => {
  expect(graphqlRead(post(body), headers({}))).toEqual({ cacheable: false, reason })
})

test('malformed JSON is refused as Payload refuses it', () => {
  expect(callFromPost('{"query":', '')).toMatchObject({
    refused: true,
    status: 400,
    message: 'Invalid JSON',
  })
})

test('persisted-query GETs register their query each time they bring it', () => {
  const query = '{ Site { tagline } }'
  const hash = crypto.createHash('sha256').update(query).digest('hex')
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } })
  expect(callFromGet(new URLSearchParams({ query, extensions })).refused).toBeFalsy()
  const hashOnly = callFromGet(new URLSearchParams({ extensions }))
  expect(hashOnly.refused).toBeFalsy()
  expect(graphqlRead(hashOnly, headers({})).cacheable).toBe(true)
  expect(
    callFromGet(new URLSearchParams({ extensions: '{"persistedQuery":{"sha256Hash":"00"}}' })),
  ).toMatchObject({
    refused: true,
    status: 200,
    message: 'PersistedQueryNotFound',
  })
})

test('a mutation over GET is refused with 405', () => {
  const call = callFromGet(new URLSearchParams({ query: 'mutation { logoutUser }' }))
  expect(call).toMatchObject({ refused: true, status: 405, headers: { Allow: 'POST' } })
})
