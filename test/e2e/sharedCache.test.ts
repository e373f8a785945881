/**
 * A real shared cache in front of a production build: Debian's Varnish with the xkey module and
 * the repository's deploy/varnish/portal.vcl, a day-long `s-maxage`, and the portal purging by tag
 * after every commit. Nothing a reader gets through Varnish right after a write is acknowledged
 * is stale (200 publish-then-read rounds, publishing, unpublishing, deleting, a person's new name
 * in an article that shows them), and what a write did not touch stays a hit.
 */
import { freePort } from '../../scripts/productionProcess'
import { startVarnish, type Varnish } from '../../scripts/varnishProcess'

import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'

const NEWS_SLUG = 'wie-es-weitergeht-kraefte-buendeln'
const PERSON_SLUG = 'joerg-bienert'
const ROUNDS = 200

let server: ProductionServer
let varnish: Varnish
let token: string

const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  expect([path, res.status]).toEqual([path, method === 'POST' ? 201 : 200])
  return (await res.json()) as { doc?: { id: string }; docs?: { id: string }[] }
}
const idOf = async (collection: string, slug: string) =>
  (await api('GET', `/${collection}?where[slug][equals]=${slug}&depth=0`)).docs![0]!.id

/** A read through Varnish, as a visitor makes it. */
async function read(path: string) {
  const res = await fetch(`${varnish.url}${path}`)
  return { status: res.status, shared: res.headers.get('x-shared-cache'), text: await res.text() }
}
const titleQuery = (slug: string) =>
  `/api/graphql?query=${encodeURIComponent(
    `{ News(where: { slug: { equals: "${slug}" } }, limit: 1) { docs { title } } }`,
  )}`

/** Reads until Varnish holds the answer (pages are kept once the portal answers them from its cache). */
async function untilShared(path: string): Promise<void> {
  for (let i = 0; i < 5; i++) if ((await read(path)).shared === 'HIT') return
  throw new Error(`${path} never became a hit in Varnish`)
}

beforeAll(async () => {
  const varnishPort = await freePort()
  server = await startProductionServer({
    READ_CACHE_SHARED_MAX_AGE: '86400',
    READ_CACHE_WARM_UP: 'off',
    VARNISH_PURGE_URL: `http://127.0.0.1:${varnishPort}/`,
  })
  varnish = await startVarnish(varnishPort, Number(new URL(server.url).port))
  token = await loginToken(server)
}, 180_000)
afterAll(async () => {
  await varnish?.stop()
  await server?.stop()
})

test('a cached answer goes out with its tags; Varnish keeps it and strips them for the reader', async () => {
  const direct = await fetch(`${server.url}${titleQuery(NEWS_SLUG)}`)
  await direct.text()
  const tags = direct.headers.get('xkey')!.split(' ')
  expect(tags).toEqual(expect.arrayContaining(['all', 'c:news']))
  expect(tags.some((tag) => /^day:\d{4}-\d{2}-\d{2}$/.test(tag))).toBe(true)
  expect(direct.headers.get('surrogate-key')).toBe(tags.join(' '))
  expect(direct.headers.get('cache-tag')).toBe(tags.join(','))
  expect(direct.headers.get('cache-control')).toBe(
    'public, max-age=0, s-maxage=86400, stale-while-revalidate=86400',
  )
  await untilShared(titleQuery(NEWS_SLUG))
  const res = await fetch(`${varnish.url}${titleQuery(NEWS_SLUG)}`)
  expect(res.headers.get('xkey')).toBeNull()
  expect(res.headers.get('x-shared-cache')).toBe('HIT')
})

test(`${ROUNDS} publish-then-read rounds through Varnish: 0 stale reads, and an untouched page stays a hit`, async () => {
  const id = await idOf('news', NEWS_SLUG)
  const untouched = '/de/people'
  await untilShared(untouched)
  const stale: number[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    const title = `Runde ${round} der Kräfte`
    await api('PATCH', `/news/${id}`, { title, _status: 'published' })
    const { text } = await read(titleQuery(NEWS_SLUG))
    const seen = (JSON.parse(text) as { data: { News: { docs: { title: string }[] } } }).data.News
      .docs[0]?.title
    if (seen !== title) stale.push(round)
    // Every tenth round a second read: the fresh answer is kept again, until the next write.
    if (round % 10 === 0) expect((await read(titleQuery(NEWS_SLUG))).shared).toBe('HIT')
  }
  expect(stale).toEqual([])
  expect((await read(untouched)).shared).toBe('HIT')
}, 240_000)

test('a page through Varnish: published, changed, unpublished, published again, trashed, deleted; never stale', async () => {
  const created = await api('POST', '/news', {
    title: 'Varnish-Probe',
    slug: 'varnish-probe',
    _status: 'published',
  })
  const id = created.doc!.id
  const page = '/de/news/varnish-probe'
  await untilShared(page)
  expect((await read(page)).text).toContain('Varnish-Probe')

  await api('PATCH', `/news/${id}`, { title: 'Varnish-Probe, geändert', _status: 'published' })
  expect((await read(page)).text).toContain('Varnish-Probe, geändert')
  await untilShared(page)

  await api('PATCH', `/news/${id}`, { _status: 'draft' })
  expect((await read(page)).status).toBe(404)

  await api('PATCH', `/news/${id}`, { _status: 'published' })
  expect((await read(page)).status).toBe(200)
  await untilShared(page)

  await api('PATCH', `/news/${id}`, { deletedAt: new Date().toISOString() })
  expect((await read(page)).status).toBe(404)
  await api('DELETE', `/news/${id}?trash=true`)
  expect((await read(page)).status).toBe(404)
}, 120_000)

test('a person’s new name shows at once in an article that names them', async () => {
  const person = await idOf('people', PERSON_SLUG)
  const news = await idOf('news', NEWS_SLUG)
  await api('PATCH', `/news/${news}`, { authors: [person], _status: 'published' })
  const page = `/de/news/${NEWS_SLUG}`
  await untilShared(page)
  expect((await read(page)).text).toContain('Jörg Bienert')

  await api('PATCH', `/people/${person}`, { name: 'Jörg Bienert-Neu', _status: 'published' })
  expect((await read(page)).text).toContain('Jörg Bienert-Neu')
}, 120_000)
