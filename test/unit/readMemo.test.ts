import crypto from 'node:crypto'

import { graphqlGetRead, graphqlPostRead } from '@/readCache/graphqlRequest'
import { memoisedGetRead, memoisedPostRead } from '@/readCache/readMemo'

const headers =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? ''

const bodies = [
  { query: '{ Site { name } }' },
  { query: 'query Q($d: Boolean) { News(draft: $d) { docs { title } } }', variables: { d: true } },
  { query: 'query Q($d: Boolean) { News(draft: $d) { docs { title } } }', variables: { d: false } },
  { query: 'mutation { createNewsItem(data: { title: "x" }) { id } }' },
  { query: '{ News { docs { title } } }', variables: { locale: 'en' }, operationName: null },
]

test.each(bodies)('a memoised classification is the one computed afresh (%j)', (body) => {
  const raw = Buffer.from(JSON.stringify(body))
  const header = headers({ origin: 'https://frontend.example', accept: 'application/json' })
  const fresh = graphqlPostRead(body, '?locale=de', header)
  expect(memoisedPostRead(raw, '?locale=de', header)).toEqual(fresh)
  // Asked again: from the memo, still the same.
  expect(memoisedPostRead(raw, '?locale=de', header)).toEqual(fresh)
})

test('the query string and the keyed headers still tell requests apart', () => {
  const raw = Buffer.from(JSON.stringify({ query: '{ Site { name } }' }))
  const key = (search: string, origin: string) => {
    const read = memoisedPostRead(raw, search, headers({ origin }))
    return read.cacheable ? read.key : read.reason
  }
  expect(key('', 'https://a.example')).not.toBe(key('', 'https://b.example'))
  expect(key('?locale=en', 'https://a.example')).not.toBe(key('', 'https://a.example'))
})

test('malformed JSON is not cacheable', () => {
  expect(memoisedPostRead(Buffer.from('{"query":'), '', headers({}))).toEqual({
    cacheable: false,
    reason: 'malformed JSON',
  })
})

test('a memoised GET classification is the one computed afresh', () => {
  const url = new URL(
    'http://portal.example/api/graphql?query=%7B%20Site%20%7B%20name%20%7D%20%7D&variables=%7B%7D',
  )
  const header = headers({ accept: 'application/json' })
  const fresh = graphqlGetRead(url.searchParams, header)
  expect(fresh.cacheable).toBe(true)
  expect(memoisedGetRead(url, header)).toEqual(fresh)
  expect(memoisedGetRead(url, header)).toEqual(fresh)
})

test('persisted-query GETs are classified afresh each time, so their query is registered', () => {
  const query = '{ Site { tagline } }'
  const hash = crypto.createHash('sha256').update(query).digest('hex')
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } })
  const withQuery = new URL('http://portal.example/api/graphql')
  withQuery.searchParams.set('query', query)
  withQuery.searchParams.set('extensions', extensions)
  expect(memoisedGetRead(withQuery, headers({})).cacheable).toBe(true)
  const hashOnly = new URL('http://portal.example/api/graphql')
  hashOnly.searchParams.set('extensions', extensions)
  const read = memoisedGetRead(hashOnly, headers({}))
  expect(read).toEqual(graphqlGetRead(hashOnly.searchParams, headers({})))
  expect(read.cacheable).toBe(true)
})
