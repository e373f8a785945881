import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import type { Payload } from 'payload'

import { News } from '@collections/News/index'
import { Projects } from '@collections/Projects'

import { buildSearchIndex } from '@/cms/search/indexer'
import { dropSearchState, searchState } from '@/cms/search/state'
import { readyz } from '@/process/health'
import { searchUnavailable } from '@/edge/searchUnavailable'

import { POST as graphqlRoute } from '../../src/app/(payload)/api/graphql/route'
import { rest, startPayload, stopPayload } from '../helpers/api'
import { graphqlChannel, localChannel, restChannel, type Channel } from '../helpers/channels'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let editor: TestUser
let admin: TestUser

type Hit = {
  type: string
  slug: string | null
  path: string
  title: { text: string; language: string; highlights: { start: number; length: number }[] }
  snippet: {
    text: string
    language: string
    highlights: { start: number; length: number }[]
  } | null
}
type Answer = {
  status: number
  headers: Headers
  data?: {
    search: {
      docs: Hit[]
      totalDocs: number
      page: number
      totalPages: number
      hasNextPage: boolean
      counts: { type: string; count: number }[]
    } | null
  }
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[]
}

const SEARCH = `query ($q: String!, $locale: LocaleInputType, $types: [SearchType!], $limit: Int, $page: Int) {
  search(query: $q, locale: $locale, types: $types, limit: $limit, page: $page) {
    totalDocs page totalPages hasNextPage
    counts { type count }
    docs { type slug path title { text language highlights { start length } } snippet { text language highlights { start length } } }
  }
}`

/** A GraphQL request through the portal's route, as a frontend sends it (headers included). */
async function post(query: string, variables: Record<string, unknown>): Promise<Answer> {
  const response = await graphqlRoute(
    new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    }),
  )
  return { status: response.status, headers: response.headers, ...(await response.json()) }
}

async function search(q: string, locale = 'de', extra: Record<string, unknown> = {}) {
  const answer = await post(SEARCH, { q, locale, ...extra })
  if (answer.status !== 200 || answer.errors) {
    throw new Error(`search "${q}" failed: ${answer.status} ${JSON.stringify(answer.errors)}`)
  }
  return answer.data!.search!
}
const slugsFor = async (q: string, locale = 'de') =>
  (await search(q, locale, { limit: 100 })).docs.map((d) => d.slug)

/** Published news, German and (where given) English, written as an editor would. */
async function publishNews(
  slug: string,
  de: { title: string; excerpt?: string; body?: string },
  en?: { title: string; excerpt?: string },
) {
  const doc = await payload.create({
    collection: 'news',
    locale: 'de',
    data: {
      slug,
      title: de.title,
      excerpt: de.excerpt,
      body: de.body ? richText(de.body) : undefined,
      _status: 'published',
    },
  })
  if (en) {
    await payload.update({
      collection: 'news',
      id: doc.id,
      locale: 'en',
      data: { ...en, _status: 'published' },
    })
  }
  return doc.id
}

function richText(text: string) {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      children: [
        {
          type: 'paragraph',
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr' as const,
          textFormat: 0,
          children: [
            { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
          ],
        },
      ],
    },
  } as never
}

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
  admin = await createUser(payload, 'admin')
  await publishNews('t-hyphen', {
    title: 'Bericht aus Leipzig',
    body: 'Aufbau einer Speicher-Infrastruktur in Leipzig.',
  })
  await publishNews('t-closed', {
    title: 'Bericht aus Halle',
    body: 'Die Speicherinfrastruktur in Halle wächst.',
  })
  await publishNews('t-umlaut', { title: 'Ein Bär im Zoo' })
  await publishNews('t-ae', { title: 'Interview mit Frau Baer' })
  await publishNews('t-a', { title: 'Abends in der Bar' })
  await publishNews('t-eszett', { title: 'Neue Straßenbahn für die Stadt' })
  await publishNews('t-title', { title: 'Zeppelin über dem Bodensee', excerpt: 'Eine Fahrt.' })
  await publishNews('t-excerpt', {
    title: 'Luftfahrt am Bodensee',
    excerpt: 'Ein Zeppelin und eine Fahrt.',
  })
  await publishNews('t-body', {
    title: 'Ausflug an den Bodensee',
    excerpt: 'Eine Fahrt.',
    body: 'Am Himmel stand ein Zeppelin.',
  })
  await publishNews('t-german-only', {
    title: 'Wasserstoffprojekte in Norddeutschland',
    excerpt: 'Nur auf Deutsch geschrieben.',
  })
  await publishNews(
    't-english',
    { title: 'Roboter lernen laufen' },
    { title: 'Robots learn running', excerpt: 'Walking machines in the lab.' },
  )
  // The index is built from the database as on a server start, fixtures included.
  await buildSearchIndex(payload)
})
afterAll(async () => {
  dropSearchState()
  await stopPayload(payload)
})

/**
 * What visitors type and what they must (and must not) find, in both locales. Slugs are the
 * seed's (soofi, joerg-bienert, …) or the fixtures' above (t-…).
 */
const quality: {
  query: string
  locale: 'de' | 'en'
  finds: string[]
  notFinds?: string[]
  rule: string
}[] = [
  { rule: 'the brief’s example', query: 'foundation modelle', locale: 'de', finds: ['soofi'] },
  { rule: 'stemming', query: 'Modelle', locale: 'de', finds: ['soofi'] },
  { rule: 'stemming', query: 'Modellen', locale: 'de', finds: ['soofi'] },
  { rule: 'stemming', query: 'Modell', locale: 'de', finds: ['soofi'] },
  { rule: 'stemming (English)', query: 'model', locale: 'en', finds: ['soofi'] },
  { rule: 'stemming (English)', query: 'run', locale: 'en', finds: ['t-english'] },
  {
    rule: 'compound with hyphen',
    query: 'Speicher-Infrastruktur',
    locale: 'de',
    finds: ['t-hyphen', 't-closed'],
  },
  {
    rule: 'compound closed',
    query: 'Speicherinfrastruktur',
    locale: 'de',
    finds: ['t-hyphen', 't-closed'],
  },
  {
    rule: 'part of a compound',
    query: 'Infrastruktur',
    locale: 'de',
    finds: ['t-hyphen', 't-closed'],
  },
  {
    rule: 'seed: both spellings',
    query: 'Recheninfrastruktur',
    locale: 'de',
    finds: ['rahmenbedingungen-mitgestalten'],
  },
  { rule: 'ä = ae, ä = a', query: 'Bär', locale: 'de', finds: ['t-umlaut', 't-ae', 't-a'] },
  {
    rule: 'ae finds ä, not a',
    query: 'Baer',
    locale: 'de',
    finds: ['t-umlaut', 't-ae'],
    notFinds: ['t-a'],
  },
  {
    rule: 'a finds ä, not ae',
    query: 'Bar',
    locale: 'de',
    finds: ['t-umlaut', 't-a'],
    notFinds: ['t-ae'],
  },
  { rule: 'ö = oe', query: 'Joerg', locale: 'de', finds: ['joerg-bienert'] },
  { rule: 'ö = o', query: 'Jorg', locale: 'en', finds: ['joerg-bienert'] },
  { rule: 'ß = ss', query: 'Strassenbahn', locale: 'de', finds: ['t-eszett'] },
  {
    rule: 'prefix while typing',
    query: 'Speicherinf',
    locale: 'de',
    finds: ['t-hyphen', 't-closed'],
  },
  { rule: 'prefix while typing', query: 'Bien', locale: 'de', finds: ['joerg-bienert'] },
  {
    rule: 'a finished word is no prefix',
    query: 'Bien ',
    locale: 'de',
    finds: [],
    notFinds: ['joerg-bienert'],
  },
  { rule: 'typo', query: 'Bienrt', locale: 'de', finds: ['joerg-bienert'] },
  { rule: 'typo', query: 'Fraunhofr', locale: 'en', finds: ['fraunhofer-iais'] },
  {
    rule: 'every word must match',
    query: 'Zeppelin Leipzig',
    locale: 'de',
    finds: [],
    notFinds: ['t-title', 't-hyphen'],
  },
  {
    rule: 'fallback text in German rules',
    query: 'Wasserstoffprojekten',
    locale: 'en',
    finds: ['t-german-only'],
  },
  {
    rule: 'English text is not German',
    query: 'laufen',
    locale: 'en',
    finds: [],
    notFinds: ['t-english'],
  },
  { rule: 'German text in German', query: 'Roboter', locale: 'de', finds: ['t-english'] },
  {
    rule: 'stop words alone find nothing',
    query: 'und die der',
    locale: 'de',
    finds: [],
    notFinds: ['soofi'],
  },
]

describe('quality', () => {
  test.each(quality)(
    '$rule: "$query" ($locale)',
    async ({ query, locale, finds, notFinds = [] }) => {
      const slugs = await slugsFor(query, locale)
      for (const slug of finds) expect(slugs).toContain(slug)
      for (const slug of notFinds) expect(slugs).not.toContain(slug)
    },
  )

  test('"foundation modelle" puts SOOFI first, with the matches marked in title and snippet', async () => {
    const { docs } = await search('foundation modelle')
    const soofi = docs[0]!
    expect(soofi).toMatchObject({ type: 'project', slug: 'soofi', path: '/de/projects/soofi' })
    const marked = (t: Hit['title']) =>
      t.highlights.map((h) => t.text.slice(h.start, h.start + h.length))
    expect(marked(soofi.title)).toEqual(['Foundation', 'Models'])
    expect(marked(soofi.snippet!)).toEqual(expect.arrayContaining(['Foundation', 'Modellen']))
  })

  test('title weighs more than summary, summary more than body', async () => {
    const slugs = (await slugsFor('Zeppelin')).filter((s) => s?.startsWith('t-'))
    expect(slugs).toEqual(['t-title', 't-excerpt', 't-body'])
  })

  test('text shown through the fallback is marked with the language it is written in', async () => {
    const { docs } = await search('Wasserstoff', 'en')
    const hit = docs.find((d) => d.slug === 't-german-only')!
    expect(hit.title.language).toBe('de')
    expect(hit.path).toBe('/en/news/t-german-only')
  })

  test('results filter by type; the counts per type stay those of the whole result', async () => {
    const all = await search('Bienert')
    const people = await search('Bienert', 'de', { types: ['person'] })
    expect(people.docs.map((d) => d.type)).toEqual(['person'])
    expect(all.totalDocs).toBeGreaterThan(people.totalDocs)
    expect(people.counts).toEqual(all.counts)
    expect(all.counts.find((c) => c.type === 'person')?.count).toBe(1)
  })

  test('results are paged', async () => {
    const first = await search('Bodensee', 'de', { limit: 2 })
    const second = await search('Bodensee', 'de', { limit: 2, page: 2 })
    expect(first).toMatchObject({ totalDocs: 3, totalPages: 2, page: 1, hasNextPage: true })
    expect(second.docs).toHaveLength(1)
    expect(second.docs[0]!.slug).not.toBe(first.docs[0]!.slug)
  })
})

describe('only what the public may read, right after each change', () => {
  const channels: [string, () => Channel][] = [
    ['REST', restChannel],
    ['GraphQL', () => graphqlChannel(payload)],
    ['local', () => localChannel(payload)],
  ]

  test.each(channels)(
    '%s: a draft is not found; publish, draft save, unpublish, republish, trash and delete show at once',
    async (name, channel) => {
      const through = channel()
      const caller = { name: 'editor', user: editor.user, token: editor.token }
      const word = `Quarzuhr${name}`
      const created = await through.create('news', { title: `${word} Entwurf` }, caller, {
        draft: true,
      })
      expect(created.ok).toBe(true)
      const id = String(created.doc!.id)
      expect(await slugsFor(word)).toEqual([])

      expect((await through.update('news', id, { _status: 'published' }, caller)).ok).toBe(true)
      expect((await search(word)).totalDocs).toBe(1)

      // A draft of new words on the published item: the public still reads the old words.
      const draft = await through.update('news', id, { title: `${word} Kometenschweif` }, caller, {
        draft: true,
      })
      expect(draft.ok).toBe(true)
      expect((await search(word)).docs[0]!.title.text).toBe(`${word} Entwurf`)
      expect(await slugsFor('Kometenschweif')).toEqual([])

      expect((await through.update('news', id, { _status: 'draft' }, caller)).ok).toBe(true)
      expect(await slugsFor(word)).toEqual([])

      expect((await through.update('news', id, { _status: 'published' }, caller)).ok).toBe(true)
      expect((await search('Kometenschweif')).totalDocs).toBe(1)

      // Into the trash (an update that sets deletedAt), then deleted for good by an admin.
      const trash = { deletedAt: new Date().toISOString() }
      expect((await through.update('news', id, trash, caller)).ok).toBe(true)
      expect(await slugsFor('Kometenschweif')).toEqual([])
      const asAdmin = { name: 'admin', user: admin.user, token: admin.token }
      expect((await through.remove('news', id, asAdmin, { trash: true })).ok).toBe(true)
      expect(await slugsFor('Kometenschweif')).toEqual([])
    },
  )

  test('a change that is rolled back changes nothing in the index, through every channel', async () => {
    const hooks = payload.collections.news.config.hooks.afterChange
    // A later hook failing makes Payload roll the whole operation back, after the search hook ran.
    const failOnBoom = ({ doc }: { doc: { title?: string } }) => {
      if (doc.title?.includes('Bumerang')) throw new Error('boom')
      return doc
    }
    hooks.push(failOnBoom as never)
    const caller = { name: 'editor', user: editor.user, token: editor.token }
    try {
      for (const [, channel] of channels) {
        const created = await channel().create(
          'news',
          { title: 'Bumerang neu', _status: 'published' },
          caller,
        )
        expect(created.ok).toBe(false)
      }
      const id = await publishNews('t-rollback', { title: 'Ein Fallschirm' })
      await expect(
        payload.update({ collection: 'news', id, data: { title: 'Bumerang statt Fallschirm' } }),
      ).rejects.toThrow()
    } finally {
      hooks.splice(hooks.indexOf(failOnBoom as never), 1)
    }
    expect(await slugsFor('Bumerang')).toEqual([])
    expect(await slugsFor('Fallschirm')).toEqual(['t-rollback'])
  })

  // Trash (issue 17): the test runs where both collections have it (skipped, and so reported,
  // where they do not).
  const withTrash = (News as { trash?: boolean }).trash && (Projects as { trash?: boolean }).trash
  ;(withTrash ? test.each : test.skip.each)(['news', 'projects'] as const)(
    '%s: a trashed document is gone at once, and back when restored',
    async (collection) => {
      const organization = (await payload.find({ collection: 'organizations', limit: 1 })).docs[0]!
      const doc = await payload.create({
        collection,
        data: {
          title: `Kaleidoskop${collection}`,
          _status: 'published',
          ...(collection === 'projects' ? { organization: organization.id } : {}),
        } as never,
      })
      expect(await slugsFor(`Kaleidoskop${collection}`)).toHaveLength(1)
      // Moving to the trash is an update that sets deletedAt.
      await payload.update({
        collection,
        id: doc.id,
        data: { deletedAt: new Date().toISOString() } as never,
      })
      expect(await slugsFor(`Kaleidoskop${collection}`)).toEqual([])
      await payload.update({
        collection,
        id: doc.id,
        data: { deletedAt: null } as never,
        trash: true,
      } as never)
      expect(await slugsFor(`Kaleidoskop${collection}`)).toHaveLength(1)
    },
  )

  test('the declaration: a published change shows, a draft does not', async () => {
    const before = await payload.findGlobal({ slug: 'declaration', locale: 'de' })
    await payload.updateGlobal({
      slug: 'declaration',
      locale: 'de',
      data: { subtitle: 'Ein Leuchtturmprojekt', _status: 'published' },
    })
    await payload.updateGlobal({
      slug: 'declaration',
      locale: 'de',
      draft: true,
      data: { subtitle: 'Ein Nebelhorn' },
    })
    try {
      expect((await search('Leuchtturmprojekt')).docs.map((d) => d.type)).toEqual(['declaration'])
      expect(await slugsFor('Nebelhorn')).toEqual([])
    } finally {
      await payload.updateGlobal({
        slug: 'declaration',
        locale: 'de',
        data: { subtitle: before.subtitle, _status: 'published' },
      })
    }
    expect(await slugsFor('Leuchtturmprojekt')).toEqual([])
  })

  test('a rebuild finds what the updates found (the same index from the database)', async () => {
    const queries = ['foundation modelle', 'Bär', 'Zeppelin', 'Bienert', 'Fallschirm']
    const before = await Promise.all(queries.map((q) => search(q)))
    await buildSearchIndex(payload)
    const after = await Promise.all(queries.map((q) => search(q)))
    expect(after).toEqual(before)
  })
})

describe('the GraphQL contract', () => {
  test('hits carry kind, slug, the page path in the locale, and the marked title', async () => {
    const { docs } = await search('Bienert', 'en', { types: ['person'] })
    expect(docs).toEqual([
      {
        type: 'person',
        slug: 'joerg-bienert',
        path: '/en/people/joerg-bienert',
        title: { text: 'Jörg Bienert', language: 'en', highlights: [{ start: 5, length: 7 }] },
        snippet: expect.objectContaining({ language: 'en' }),
      },
    ])
  })

  test.each([
    ['limit above the page size', { limit: 101 }, 'LIMIT_EXCEEDED'],
    ['limit 0', { limit: 0 }, 'LIMIT_EXCEEDED'],
    ['a negative limit', { limit: -1 }, 'BAD_SEARCH_INPUT'],
    ['page 0', { page: 0 }, 'BAD_SEARCH_INPUT'],
    ['a page past 1000', { page: 1001 }, 'BAD_SEARCH_INPUT'],
  ])('%s is refused with 400', async (_name, extra, code) => {
    const answer = await post(SEARCH, { q: 'modell', ...extra })
    expect(answer.status).toBe(400)
    expect(answer.errors?.[0]?.extensions?.code).toBe(code)
  })

  test('an unknown type is a validation error, not a 500', async () => {
    const answer = await post(SEARCH, { q: 'modell', types: ['users'] })
    expect(answer.status).toBeLessThan(500)
    expect(answer.errors?.[0]?.message).toContain('SearchType')
  })

  test('search counts against the complexity limit', async () => {
    const fields = 'docs { type slug path title { text highlights { start length } } }'
    const aliases = Array.from(
      { length: 15 },
      (_, i) => `s${i}: search(query: "a${i}") { ${fields} }`,
    )
    const answer = await post(`{ ${aliases.join(' ')} }`, {})
    // 15 × (20 for the search + 9 for its selection) = 435 > 400: refused like any limit.
    expect(answer.status).toBe(400)
    expect(answer.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED')
    expect(answer.errors?.[0]?.message).toMatch(/complexity/i)
    expect(answer.errors?.[0]?.message).toContain('435')
    expect(answer.data).toBeUndefined()
    const fits = await post(`{ ${aliases.slice(0, 13).join(' ')} }`, {})
    expect(fits.errors).toBeUndefined()
  })

  test('while the index is being built: 503 with Retry-After; /readyz stays 200 and says so', async () => {
    const state = searchState()!
    const serving = state.engine
    // The state of a first build under way: no index answers yet.
    state.engine = null
    state.build = {
      startedAt: Date.now(),
      done: 0,
      total: 40,
      dirty: new Set(),
      finished: Promise.resolve(),
    }
    try {
      const answer = await post(SEARCH, { q: 'modell' })
      expect(answer.status).toBe(503)
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(answer.headers.get('x-portal-search-refusal')).toBeNull()
      expect(answer.data?.search).toBeNull()
      expect(answer.errors?.[0]).toMatchObject({
        path: ['search'],
        extensions: { code: 'SEARCH_UNAVAILABLE' },
      })

      let status = 0
      let body: { status?: string; search?: { state: string } } = {}
      const res = {
        setHeader: () => undefined,
        status: (code: number) => ((status = code), res),
        json: (value: typeof body) => ((body = value), (status ||= 200), res),
      }
      await readyz(payload, () => false)({} as ExpressRequest, res as unknown as ExpressResponse)
      expect(status).toBe(200)
      expect(body).toMatchObject({
        status: 'ready',
        search: { state: 'building', build: { done: 0, total: 40 } },
      })

      // The results page answers 503 as well, in express before Next (a page cannot set it).
      const page = { status: 0, headers: {} as Record<string, string>, html: '' }
      const pageRes = {
        status: (code: number) => ((page.status = code), pageRes),
        set: (name: string, value: string) => ((page.headers[name] = value), pageRes),
        type: () => pageRes,
        send: (html: string) => ((page.html = html), pageRes),
      }
      let passed = false
      const request = (url: string) =>
        ({
          method: 'GET',
          path: url.split('?')[0],
          query: url.includes('?q=') ? { q: 'x' } : {},
          originalUrl: url,
        }) as unknown as ExpressRequest
      searchUnavailable(
        request('/en/search'),
        pageRes as unknown as ExpressResponse,
        () => (passed = true),
      )
      expect(passed).toBe(true) // the form alone is served as usual
      searchUnavailable(
        request('/en/search?q=x'),
        pageRes as unknown as ExpressResponse,
        () => undefined,
      )
      expect(page.status).toBe(503)
      expect(Number(page.headers['Retry-After'])).toBeGreaterThan(0)
      expect(page.html).toContain('<html lang="en">')
      expect(page.html).toContain('Search is being prepared')
    } finally {
      state.engine = serving
      state.build = null
    }
  })

  test('the reindex endpoint is for admins only', async () => {
    expect((await rest('POST', '/search/reindex')).status).toBe(403)
    expect((await rest('POST', '/search/reindex', { token: editor.token })).status).toBe(403)
    const answer = await rest('POST', '/search/reindex', { token: admin.token })
    expect(answer.status).toBe(202)
    await searchState()!.build?.finished
    expect((await search('foundation modelle')).docs[0]!.slug).toBe('soofi')
  })
})

describe('bad input gets a 400 or an empty result, never a 500', () => {
  const longWord = 'x'.repeat(150)
  test.each([
    ['empty', ''],
    ['blank', '   \t\n '],
    ['operators only', 'AND OR NOT ( ) " * ~ ^ : + - ! { } [ ] \\ / && ||'],
    ['a query language', 'title:foo* AND (bar OR "baz")~2 ^3'],
    ['emoji and symbols', '🤖🚀 ∑∫ ✓✓✓ 💥'],
    ['combining marks piled up', `Z${'\u0336\u0335\u0334'.repeat(40)}algo`],
    ['right-to-left and zero-width', '\u202e\u200b\u200dمرحبا\u200f שלום'],
    ['a lone surrogate', 'abc\ud800def'],
    ['control characters', 'a\u0000b\u0007c\u001b[31m'],
    [
      'many words (only the first 8 count)',
      Array.from({ length: 45 }, (_, i) => `w${i}`).join(' '),
    ],
    ['an overlong word', longWord],
    [
      'many long fuzzy words',
      Array.from({ length: 8 }, (_, i) => `foundationmodellinfra${i}`).join(' '),
    ],
    ['a very long compound', Array.from({ length: 40 }, () => 'ab').join('-')],
  ])('%s', async (_name, q) => {
    const answer = await post(SEARCH, { q })
    expect(answer.status).toBe(200)
    expect(answer.errors).toBeUndefined()
    expect(Array.isArray(answer.data?.search?.docs)).toBe(true)
  })

  test('a query longer than 200 characters is refused with 400 and says why', async () => {
    const answer = await post(SEARCH, { q: 'modell '.repeat(30) })
    expect(answer.status).toBe(400)
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringContaining('200 characters'),
      extensions: { code: 'BAD_SEARCH_INPUT' },
    })
  })

  test('a missing query is a validation error, not a 500', async () => {
    const answer = await post(`{ search { totalDocs } }`, {})
    expect(answer.status).toBeLessThan(500)
    // GraphQL's own rule says so (the complexity rule, which used to answer first, now runs only
    // on documents that pass validation).
    expect(answer.errors?.[0]?.message).toContain('argument "query" of type "String!" is required')
  })
})
