import config from '@payload-config'
import { configToSchema } from '@payloadcms/graphql'
import { parse, print, validate } from 'graphql'
import sharp from 'sharp'
import type { Payload } from 'payload'

import { createClient, GraphQLRequestError } from '@/graphql/client'
import * as ops from '@/graphql/generated'
import { limits } from '@/cms/apiLimits'

import { startPayload, stopPayload } from '../helpers/api'
import { createUser } from '../helpers/users'
import { POST as graphqlRoute } from '../../src/app/(payload)/api/graphql/route'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

/** The client, talking to the real route handler instead of a network. */
const routeFetch: typeof fetch = (input, init) => graphqlRoute(new Request(input as string, init))
const client = (locale: 'de' | 'en', previewToken?: string) =>
  createClient({ baseUrl: 'http://localhost:3000', locale, previewToken, fetch: routeFetch })

/** The response's shape, without values (timestamps, IDs and texts change; the contract does not). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length ? [shape(value[0])] : []
  if (value === null) return null
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, shape(v)]))
  }
  return typeof value
}

const now = '2020-01-01T00:00:00.000Z'

describe.each(['de', 'en'] as const)('operations in %s', (locale) => {
  const api = client(locale)

  test('HomePage', async () => {
    const data = await api.request(ops.HomePageDocument, { now })
    expect(data.Declaration?.title).toBe('New Wave of European AI')
    expect(data.Declaration?.principles?.map((p) => (p as { position: number }).position)).toEqual([
      1, 2, 3, 4,
    ])
    expect(data.Declaration?.principles?.[0]).toMatchObject({
      title: locale === 'de' ? 'Offener Austausch' : 'Open exchange',
    })
    expect(data.News?.docs).toHaveLength(3)
    expect(data.Projects?.docs?.[0]?.title).toMatch(/^SOOFI/)
    expect(data.Events?.docs?.[0]?.city).toBe('Berlin')
    expect(data.Site?.navigation?.[0]?.label).toBe(locale === 'de' ? 'Erklärung' : 'Declaration')
    expect(shape(data)).toMatchSnapshot()
  })

  test('NewsList, by tag and by year; NewsBySlug', async () => {
    const all = await api.request(ops.NewsListDocument, {})
    expect(all.News?.totalDocs).toBe(3)
    const byTag = await api.request(ops.NewsListDocument, {
      where: { tags: { contains: 'workshop' } },
    })
    expect(byTag.News?.docs?.map((n) => n?.slug)).toEqual([
      'workshop-berlin-mehr-als-80-modellentwickler',
    ])
    const byYear = await api.request(ops.NewsListDocument, {
      where: { publishedAt: { greater_than_equal: '2026-01-01T00:00:00.000Z' } },
    })
    expect(byYear.News?.totalDocs).toBe(0)
    const item = await api.request(ops.NewsBySlugDocument, {
      slug: 'wie-es-weitergeht-kraefte-buendeln',
    })
    const doc = item.News?.docs?.[0]
    expect(doc?.title).toBe(
      locale === 'de'
        ? 'Gemeinsam Kräfte bündeln: Wie es weitergeht'
        : 'Joining forces: what comes next',
    )
    expect(doc?.projects?.[0]?.slug).toBe('soofi')
    expect(shape(all)).toMatchSnapshot('list')
    expect(shape(item)).toMatchSnapshot('item')
  })

  test('ProjectList by status; ProjectBySlug with funding and partners', async () => {
    const active = await api.request(ops.ProjectListDocument, {
      where: { status: { equals: 'active' } },
    })
    expect(active.Projects?.docs?.map((p) => p?.slug)).toEqual(['soofi'])
    const planned = await api.request(ops.ProjectListDocument, {
      where: { status: { equals: 'planned' } },
    })
    expect(planned.Projects?.totalDocs).toBe(0)
    const project = await api.request(ops.ProjectBySlugDocument, { slug: 'soofi' })
    const doc = project.Projects?.docs?.[0]
    expect(doc?.funding?.funder?.shortName).toBe('BMWE')
    expect(doc?.partners?.map((p) => p?.shortName)).toEqual(['KI-Bundesverband'])
    expect(shape(project)).toMatchSnapshot()
  })

  test('PeopleDirectory (initiators first), PersonBySlug, OrganizationList', async () => {
    const people = await api.request(ops.PeopleDirectoryDocument, {})
    const names = people.People?.docs?.map((p) => p?.name)
    expect(names?.slice(0, 2).sort()).toEqual(['Jörg Bienert', 'Nicolas Flores-Herr'])
    expect(names?.[2]).toBe('Karsten Wildberger')
    const person = await api.request(ops.PersonBySlugDocument, { slug: 'nicolas-flores-herr' })
    expect(person.People?.docs?.[0]?.roleTitle).toContain('Foundation Models & GenAI Systems')
    const orgs = await api.request(ops.OrganizationListDocument, {})
    expect(orgs.Organizations?.totalDocs).toBe(3)
    expect(shape(people)).toMatchSnapshot('people')
    expect(shape(person)).toMatchSnapshot('person')
    expect(shape(orgs)).toMatchSnapshot('organizations')
  })

  test('UpcomingEvents, PastEvents, EventBySlug', async () => {
    const later = '2030-01-01T00:00:00.000Z'
    expect((await api.request(ops.UpcomingEventsDocument, { now })).Events?.totalDocs).toBe(1)
    expect((await api.request(ops.UpcomingEventsDocument, { now: later })).Events?.totalDocs).toBe(
      0,
    )
    expect((await api.request(ops.PastEventsDocument, { now: later })).Events?.totalDocs).toBe(1)
    const event = await api.request(ops.EventBySlugDocument, {
      slug: 'workshop-pretraining-posttraining-2025',
    })
    const doc = event.Events?.docs?.[0]
    expect(doc?.participants?.count).toBe(80)
    expect(doc?.hosts?.map((h) => h?.name)).toEqual(['Jörg Bienert', 'Nicolas Flores-Herr'])
    expect(doc?.speakers ?? []).toEqual([])
    expect(shape(event)).toMatchSnapshot()
  })

  test('DeclarationPage with approved signatories', async () => {
    const data = await api.request(ops.DeclarationPageDocument, {})
    expect(data.Declaration?.place).toBe('Berlin')
    expect(data.Signatories?.docs?.map((s) => s?.displayName)).toEqual([
      'Fraunhofer IAIS',
      'KI Bundesverband',
    ])
    expect(shape(data)).toMatchSnapshot()
  })
})

test('errors reach the caller as exceptions with the server’s message', async () => {
  const api = client('de')
  await expect(api.request(ops.NewsListDocument, { limit: 1000 })).rejects.toThrow(
    GraphQLRequestError,
  )
  await expect(api.request(ops.NewsListDocument, { limit: 1000 })).rejects.toThrow(/maxPageSize/)
})

test('a preview token shows the caller’s permitted drafts, and only to them', async () => {
  const editor = await createUser(payload, 'editor')
  await payload.create({
    collection: 'news',
    draft: true,
    data: { title: 'Vorschau', slug: 'vorschau', _status: 'draft' },
  })
  const anonymous = await client('de').request(ops.NewsBySlugDocument, {
    slug: 'vorschau',
    draft: true,
  })
  expect(anonymous.News?.docs).toEqual([])
  const preview = await client('de', editor.token).request(ops.NewsBySlugDocument, {
    slug: 'vorschau',
    draft: true,
  })
  expect(preview.News?.docs?.[0]?.title).toBe('Vorschau')
})

test('every operation stays within the limits with headroom; the home page’s complexity is measured', async () => {
  const sanitized = await config
  // With a budget of 1 the complexity rule reports each document's actual complexity.
  const { schema, validationRules } = configToSchema({
    ...sanitized,
    graphQL: { ...sanitized.graphQL, maxComplexity: 1 },
  })
  const measured: Record<string, number> = {}
  for (const [name, document] of Object.entries(ops)) {
    if (!name.endsWith('Document')) continue
    const doc = parse(print(document as never))
    const variables = {
      now,
      from: now,
      to: now,
      slug: 'soofi',
      query: 'modell',
      token: 'x',
      data: { name: 'N', email: 'n@example.org', kind: 'person', display: 'named' },
      form: { formToken: 'x' },
    }
    const errors = validate(schema, doc, validationRules({ variableValues: variables } as never))
    // No report: the document is within the budget of 1 (a mutation of one scalar field).
    const complexity = Number(
      /Actual complexity is (\d+)/.exec(errors.map((e) => e.message).join(' '))?.[1] ?? 1,
    )
    const other = errors.filter((e) => !/complexity/.test(e.message))
    expect(other.map((e) => e.message)).toEqual([])
    measured[name.replace(/Document$/, '')] = complexity
  }
  console.info(`Operation complexity (limit ${limits.maxComplexity}): ${JSON.stringify(measured)}`)
  expect(measured.HomePage).toBeGreaterThan(0)
  for (const complexity of Object.values(measured))
    expect(complexity * 2).toBeLessThanOrEqual(limits.maxComplexity)
})

/** The same operation without `select: true`: Payload then reads whole documents. */
function wholeRead<T>(document: T): T {
  const text = print(document as never)
  expect(text).toContain('select: true')
  return parse(text.replaceAll('select: true', '')) as T
}

test('lists that read only the fields they show (select: true) show what a whole read shows, image URLs included', async () => {
  const pixel = await sharp({
    create: { width: 900, height: 500, channels: 3, background: '#336699' },
  })
    .png()
    .toBuffer()
  const image = await payload.create({
    collection: 'media',
    data: { alt: 'Ein Bild zur Meldung' },
    file: {
      data: pixel,
      mimetype: 'image/png',
      name: `liste-${Date.now()}.png`,
      size: pixel.length,
    },
  })
  const news = await payload.create({
    collection: 'news',
    data: {
      title: 'Eine Meldung mit Bild',
      excerpt: 'Kurz gesagt',
      heroImage: image.id,
      tags: ['bild'],
      _status: 'published',
    },
    depth: 0,
  })
  try {
    const api = client('de')
    const list = { where: { tags: { contains: 'bild' } } }
    const selected = await api.request(ops.NewsListDocument, list)
    expect(selected).toEqual(await api.request(wholeRead(ops.NewsListDocument), list))
    const home = await api.request(ops.HomePageDocument, { now })
    expect(home).toEqual(await api.request(wholeRead(ops.HomePageDocument), { now }))

    for (const card of [selected.News?.docs?.[0], home.News?.docs?.[0]]) {
      expect(card).toMatchObject({ title: 'Eine Meldung mit Bild', excerpt: 'Kurz gesagt' })
      expect(card?.heroImage?.url).toMatch(/\.png$/)
      expect(card?.heroImage?.sizes?.card?.url).toMatch(/-800x\d+\.png$/)
    }
    // The home page's projects and their organizations, read field by field.
    expect(home.Projects?.docs?.[0]?.organization?.shortName).toBeTruthy()
  } finally {
    await payload.delete({ collection: 'news', id: news.id })
    await payload.delete({ collection: 'media', id: image.id })
  }
})

test('the home page shows the six newest active projects, newest first, and none that is not active', async () => {
  const organization = (
    await payload.find({ collection: 'organizations', limit: 1, depth: 0, pagination: false })
  ).docs[0]!.id
  const created: { id: string; slug: string }[] = []
  const project = async (title: string, status: 'active' | 'completed') => {
    const doc = await payload.create({
      collection: 'projects',
      data: { title, organization, status, _status: 'published' },
      depth: 0,
    })
    created.push({ id: String(doc.id), slug: String(doc.slug) })
    // createdAt has millisecond resolution: one apart, so "newest" has one answer.
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  try {
    for (const n of [1, 2, 3, 4, 5, 6, 7]) await project(`Startprojekt ${n}`, 'active')
    await project('Ein abgeschlossenes Projekt', 'completed')
    const home = await client('de').request(ops.HomePageDocument, { now })
    const newestActive = created
      .slice(0, 7)
      .reverse()
      .slice(0, 6)
      .map((p) => p.slug)
    expect(home.Projects?.docs?.map((p) => p?.slug)).toEqual(newestActive)
  } finally {
    for (const { id } of created) await payload.delete({ collection: 'projects', id })
  }
})
