import { previewUrl } from '@/cms/previewLinks'

import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'

/**
 * The read cache in the production build: express in front of Next's pages, the GraphQL route
 * answered by the express layer from the server bundle, invalidation installed on start.
 */
const PAGE = '/de'
const NEWS_SLUG = 'wie-es-weitergeht-kraefte-buendeln'
const NEWS_PAGE = `/de/news/${NEWS_SLUG}`

const PREVIEW_SECRET = 'read-cache-pages-preview-secret'

let server: ProductionServer
let token: string
let newsId: string

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${server.url}${path}`, { method, headers, redirect: 'manual' })

const graphqlGet = (query: string) =>
  get(`/api/graphql?query=${encodeURIComponent(query)}`).then(async (res) => ({
    cache: res.headers.get('x-cache'),
    body: (await res.json()) as { data: Record<string, { docs: { title: string }[] }> },
  }))

beforeAll(async () => {
  server = await startProductionServer({ PREVIEW_SECRET })
  token = await loginToken(server)
  const found = await fetch(`${server.url}/api/news?where[slug][equals]=${NEWS_SLUG}&depth=0`, {
    headers: { Authorization: `JWT ${token}` },
  })
  newsId = ((await found.json()) as { docs: { id: string }[] }).docs[0]!.id
}, 120_000)
afterAll(() => server?.stop())

test('a page is a miss, then a hit with the same body, an ETag and a revalidating Cache-Control', async () => {
  const first = await get(PAGE)
  expect(first.status).toBe(200)
  const html = await first.text()
  const second = await get(PAGE)
  expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['MISS', 'HIT'])
  expect(await second.text()).toBe(html)
  expect(second.headers.get('content-type')).toMatch(/text\/html/)
  // Next's "private, no-store" is replaced on what the cache serves and admits.
  for (const res of [first, second]) {
    expect(res.headers.get('cache-control')).toBe('public, no-cache')
  }
  const etag = second.headers.get('etag')!
  expect(etag).toMatch(/^"[\w-]+"$/)
  const revalidated = await get(PAGE, { 'If-None-Match': etag })
  expect(revalidated.status).toBe(304)
  expect(await revalidated.text()).toBe('')
  const head = await get(PAGE, {}, 'HEAD')
  expect([head.status, head.headers.get('x-cache'), head.headers.get('etag')]).toEqual([
    200,
    'HIT',
    etag,
  ])
  // Headers set for each response are not replayed from the cache.
  expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'))
})

test('the signing form comes from the cache, every answer with a stamp and a challenge of its own', async () => {
  const SIGN = '/en/declaration/sign'
  const stampOf = (text: string) => /\d{13}\.[\w-]{22}\.[\w-]{43}/.exec(text)?.[0]
  const open = async (path: string, headers: Record<string, string> = {}) => {
    const res = await get(path, headers)
    const text = await res.text()
    expect(res.status).toBe(200)
    expect(text).not.toContain('__portal-signing-')
    return { res, text, stamp: stampOf(text) }
  }
  const pages = [await open(SIGN), await open(SIGN, { 'If-None-Match': '*' })]
  expect(pages[1]!.res.headers.get('x-cache')).toBe('HIT')
  // Single-use: never revalidated, never kept by a browser or a shared cache.
  for (const { res } of pages) {
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('etag')).toBeNull()
  }
  const [first, second] = pages.map((page) => page.stamp)
  expect(first).toBeDefined()
  expect(second).not.toBe(first)
  // The stamp is in the markup (for a post without JavaScript) and in the RSC payload (which
  // hydrates it), the same in both.
  expect(pages[1]!.text).toContain(`name="formToken" value="${second}"`)
  expect(pages[1]!.text.split(second!).length - 1).toBeGreaterThanOrEqual(2)
  // A client-side navigation's payload is filled the same way.
  const rsc = [await open(`${SIGN}?_rsc`, { RSC: '1' }), await open(`${SIGN}?_rsc`, { RSC: '1' })]
  expect(rsc[1]!.res.headers.get('x-cache')).toBe('HIT')
  expect(rsc[1]!.stamp).toBeDefined()
  expect(rsc[1]!.stamp).not.toBe(rsc[0]!.stamp)
  // The form shown again after a refused post is that signer's: rendered for them, not kept.
  const refused = await open(`${SIGN}?error=fields&fields=name%3Alink`)
  expect(refused.res.headers.get('x-cache')).toBe('BYPASS')
  expect(refused.stamp).toBeDefined()
})

test('a client-side navigation (RSC) and a full page never get each other', async () => {
  // The URL the App Router asks for an RSC payload (Next checks `_rsc` against the router
  // headers; with none of them it is empty). The same URL without `RSC: 1` is a full page: the
  // page's own entry (`_rsc` is not a parameter the page reads), never the payload.
  const url = `${PAGE}?_rsc`
  for (let i = 0; i < 2; i++) {
    const rsc = await get(url, { RSC: '1' })
    expect(rsc.status).toBe(200)
    expect(rsc.headers.get('x-cache')).toBe(i === 0 ? 'MISS' : 'HIT')
    expect(rsc.headers.get('content-type')).toMatch(/text\/x-component/)
    expect(await rsc.text()).not.toMatch(/^<!DOCTYPE html>/i)
    const html = await get(url)
    expect(html.headers.get('content-type')).toMatch(/text\/html/)
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/i)
  }
  expect((await get(url)).headers.get('x-cache')).toBe('HIT')
})

test('draft mode and previews bypass the cache and never fill it; a login alone does not', async () => {
  await (await get(PAGE)).text()
  // A real draft-mode cookie, as the admin's preview link sets it for a signed-in editor.
  const opened = await get(
    `/preview?${new URL(previewUrl(PAGE, PREVIEW_SECRET), 'http://x').searchParams}`,
    // As a browser on the portal sends it: Payload accepts its cookie from its own origin.
    { Cookie: `payload-token=${token}`, Origin: server.url },
  )
  expect(opened.status).toBe(307)
  expect(opened.headers.get('location')).toBe(PAGE)
  const draftCookie = opened.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .find((cookie) => cookie.startsWith('__prerender_bypass='))!
  expect(draftCookie).toBeTruthy()
  for (const headers of [
    { Cookie: `${draftCookie}; payload-token=${token}` },
    { Cookie: '__next_preview_data=1' },
  ]) {
    const res = await get(PAGE, headers)
    expect(res.headers.get('x-cache')).toBe('BYPASS')
    expect(res.headers.get('cache-control')).not.toBe('public, no-cache')
  }
  expect((await get(`${PAGE}?preview=true`)).headers.get('x-cache')).toBe('BYPASS')
  // Outside draft mode a page shows what the public sees, logged in or not, and a draft-mode
  // cookie that is not the build's is no draft mode: all served from the cache.
  const publicView: Record<string, string>[] = [
    { Cookie: `payload-token=${token}` },
    { Authorization: `JWT ${token}` },
    { Cookie: '__prerender_bypass=guessed' },
    { Cookie: 'consent=1' },
  ]
  for (const headers of publicView)
    expect((await get(PAGE, headers)).headers.get('x-cache')).toBe('HIT')
})

test('the admin, REST and Next assets are never cached', async () => {
  for (const path of ['/admin/login', '/api/news?limit=1', '/_next/static/none.js']) {
    for (let i = 0; i < 2; i++) expect((await get(path)).headers.get('x-cache')).toBe('BYPASS')
  }
})

test('a publish is visible to the very next anonymous read, of GraphQL and of the page', async () => {
  const query = `{ News(where: { slug: { equals: "${NEWS_SLUG}" } }) { docs { title } } }`
  for (let i = 0; i < 20; i++) {
    await graphqlGet(query)
    expect((await graphqlGet(query)).cache).toBe('HIT')
    for (const path of [PAGE, NEWS_PAGE, '/de/feed.xml']) {
      // Read the body: a response nobody reads may not have finished (and been stored) yet.
      await (await get(path)).text()
      expect({ path, cache: (await get(path)).headers.get('x-cache') }).toEqual({
        path,
        cache: 'HIT',
      })
    }

    const title = `Veröffentlicht #${i}`
    const write =
      i % 2 === 0
        ? fetch(`${server.url}/api/news/${newsId}?locale=de`, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
            body: JSON.stringify({ title, _status: 'published' }),
          })
        : fetch(`${server.url}/api/graphql`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
            body: JSON.stringify({
              query: `mutation ($id: String!, $title: String!) { updateNewsItem(id: $id, data: { title: $title, _status: published }) { id } }`,
              variables: { id: newsId, title },
            }),
          })
    expect((await write).status).toBe(200)

    const read = await graphqlGet(query)
    expect(read.cache).toBe('MISS')
    expect(read.body.data.News.docs[0]!.title).toBe(title)
    // The home page, the article and the feed, each rendered anew with the new title.
    for (const path of [PAGE, NEWS_PAGE, '/de/feed.xml']) {
      const page = await get(path)
      expect(page.headers.get('x-cache')).toBe('MISS')
      const text = await page.text()
      expect({ path, shows: text.includes(title) }).toEqual({ path, shows: true })
    }
  }
}, 120_000)

test('READ_CACHE_MAX_BYTES=0 turns the cache off entirely', async () => {
  const uncached = await startProductionServer({ READ_CACHE_MAX_BYTES: '0' })
  try {
    for (let i = 0; i < 2; i++) {
      const page = await fetch(`${uncached.url}${PAGE}`, { redirect: 'manual' })
      expect(page.headers.get('x-cache')).toBeNull()
      expect(page.headers.get('cache-control')).not.toBe('public, no-cache')
      const graphql = await fetch(`${uncached.url}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ Site { name } }' }),
      })
      expect(graphql.status).toBe(200)
      expect(graphql.headers.get('x-cache')).toBeNull()
      expect(graphql.headers.get('etag')).toBeNull()
    }
  } finally {
    await uncached.stop()
  }
}, 120_000)

test('a page is refreshed by a change to what it shows, and only by that', async () => {
  const auth = { 'Content-Type': 'application/json', Authorization: `JWT ${token}` }
  const people = await fetch(
    `${server.url}/api/people?where[_status][equals]=published&depth=0&limit=1`,
    {
      headers: auth,
    },
  )
  const person = ((await people.json()) as { docs: { id: string }[] }).docs[0]!
  const linked = await fetch(`${server.url}/api/news/${newsId}`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ authors: [person.id], _status: 'published' }),
  })
  expect(linked.status).toBe(200)
  const cached = async (path: string) => {
    await (await get(path)).text()
    const again = await get(path)
    await again.text()
    return again.headers.get('x-cache')
  }
  expect(await cached(NEWS_PAGE)).toBe('HIT')
  expect(await cached('/de/events')).toBe('HIT')

  // The author's new name: the article shows it at once; the events page was not touched.
  const name = 'Umbenannte Autorin'
  const renamed = await fetch(`${server.url}/api/people/${person.id}`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ name, _status: 'published' }),
  })
  expect(renamed.status).toBe(200)
  const article = await get(NEWS_PAGE)
  expect(article.headers.get('x-cache')).toBe('MISS')
  expect(await article.text()).toContain(name)
  expect((await get('/de/events')).headers.get('x-cache')).toBe('HIT')

  // A new event: the events page shows it at once; the article was not touched.
  const created = await fetch(`${server.url}/api/events`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      title: 'Neue Werkstatt',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      _status: 'published',
    }),
  })
  expect(created.status).toBe(201)
  const events = await get('/de/events')
  expect(events.headers.get('x-cache')).toBe('MISS')
  expect(await events.text()).toContain('Neue Werkstatt')
  expect((await get(NEWS_PAGE)).headers.get('x-cache')).toBe('HIT')
})

test('readers who miss the same page at once wait for one render', async () => {
  // A publish empties the pages that show the news item; then eight readers arrive together.
  const publish = await fetch(`${server.url}/api/news/${newsId}?locale=de`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ title: 'Alle zugleich', _status: 'published' }),
  })
  expect(publish.status).toBe(200)
  const answers = await Promise.all(
    Array.from({ length: 8 }, async () => {
      const res = await get(NEWS_PAGE)
      return {
        cache: res.headers.get('x-cache'),
        shows: (await res.text()).includes('Alle zugleich'),
      }
    }),
  )
  expect(answers.filter((a) => a.cache === 'MISS')).toHaveLength(1)
  expect(answers.every((a) => a.shows)).toBe(true)
})
