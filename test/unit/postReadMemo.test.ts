import { graphqlPostRead } from '@/cache/graphqlRequest'
import { memoisedPostRead } from '@/cache/postReadMemo'

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
