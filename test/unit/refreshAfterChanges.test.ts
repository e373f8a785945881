import { pageRead } from '@/readCache/pageRequest'
import { pageHeaders } from '@/readCache/varyingHeaders'
import { pageOfKey } from '@/process/refreshAfterChanges'

/** The cache key a browser's request gets, as the read cache builds it. */
function keyOf(url: string, headers: Record<string, string>): string {
  const read = pageRead(
    url,
    pageHeaders((name) => headers[name] ?? ''),
  )
  if (!read.cacheable) throw new Error(`not cacheable: ${read.reason}`)
  return read.key
}

test('a full page is rendered again as it was asked for: path, the query it reads, encoding', () => {
  expect(
    pageOfKey(keyOf('/de/news?page=2&utm_source=mail', { 'accept-encoding': 'gzip, br' })),
  ).toEqual({ path: '/de/news?page=2', acceptEncoding: 'gzip' })
  expect(pageOfKey(keyOf('/en', {}))).toEqual({ path: '/en', acceptEncoding: 'identity' })
})

test("a navigation's RSC payload is not rendered again (it is one browser's router state)", () => {
  expect(pageOfKey(keyOf('/de/news', { rsc: '1', 'next-router-state-tree': '%5B%5D' }))).toBe(null)
})
