/**
 * The sitemap: an index of parts, each part one kind of document and one month (or the list
 * pages), together listing both locales of every published document with a page.
 */
import type { Payload } from 'payload'

import { locales } from '@/core/locales'

import { startPayload, stopPayload } from '../helpers/api'
import { GET as sitemapIndex } from '../../src/app/(frontend)/sitemap.xml/route'
import { GET as sitemapPart } from '../../src/app/(frontend)/sitemap/[part]/route'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

const base = 'http://localhost:3000'
const part = (name: string) =>
  sitemapPart(new Request(`${base}/sitemap/${name}`), { params: Promise.resolve({ part: name }) })

async function partNames(): Promise<string[]> {
  const response = await sitemapIndex()
  expect(response.status).toBe(200)
  const text = await response.text()
  expect(text).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
  return [...text.matchAll(/<loc>[^<]*\/sitemap\/([^<]+)<\/loc>/g)].map((match) => match[1]!)
}

test('the parts of the index list both locales of every published document, each once', async () => {
  const names = await partNames()
  expect(names).toContain('pages.xml')
  expect(
    names.every((name) => /^(pages|(news|projects|people|events)-\d{4}-\d{2})\.xml$/.test(name)),
  ).toBe(true)
  const listed: string[] = []
  for (const name of names) {
    const response = await part(name)
    expect(response.status).toBe(200)
    listed.push(...[...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!))
  }
  const expected: string[] = []
  for (const [collection, folder] of [
    ['news', 'news'],
    ['projects', 'projects'],
    ['people', 'people'],
    ['events', 'events'],
  ] as const) {
    const { docs } = await payload.find({
      collection,
      where: { _status: { equals: 'published' } },
      limit: 100,
      depth: 0,
    })
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs)
      for (const { code } of locales) expected.push(`${base}/${code}/${folder}/${doc.slug}`)
  }
  for (const { code } of locales) expected.push(`${base}/${code}`, `${base}/${code}/news`)
  expect(listed).toEqual(expect.arrayContaining(expected))
  expect(new Set(listed).size).toBe(listed.length)
})

test('a news item is in the part of the month it was published in', async () => {
  const { docs } = await payload.find({
    collection: 'news',
    where: { _status: { equals: 'published' } },
    limit: 1,
    depth: 0,
  })
  const item = docs[0]!
  const month = String(item.publishedAt).slice(0, 7)
  const text = await (await part(`news-${month}.xml`)).text()
  expect(text).toContain(`<loc>${base}/de/news/${item.slug}</loc>`)
  const other = month.endsWith('-01')
    ? `${Number(month.slice(0, 4)) - 1}-12`
    : `${month.slice(0, 5)}01`
  expect(await (await part(`news-${other}.xml`)).text()).not.toContain(`/news/${item.slug}<`)
})

test.each([
  'nothing.xml',
  'news-2024-13.xml',
  'news-2024-01',
  'users-2024-01.xml',
  'news-24-01.xml',
])('an unknown part (%s) answers 404', async (name) => {
  expect((await part(name)).status).toBe(404)
})
