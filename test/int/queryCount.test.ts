/**
 * No N+1 on the read path: the number of SQL statements a public GraphQL operation issues must
 * not grow with the number of documents it returns. Payload resolves relationships through a
 * per-request DataLoader that batches them into one query per collection and level; this test
 * holds it to that by running the operations, adding twenty linked documents of each kind that
 * the same operations then return, and running them again.
 */
import type { Payload } from 'payload'

import { createClient } from '@/graphql/client'
import * as ops from '@/graphql/generated'

import { startPayload, stopPayload } from '../helpers/api'
import { countQueries } from '../helpers/queryCounter'
import { POST as graphqlRoute } from '../../src/app/(payload)/api/graphql/route'

const routeFetch: typeof fetch = (input, init) => graphqlRoute(new Request(input as string, init))
const api = createClient({ baseUrl: 'http://localhost:3000', locale: 'de', fetch: routeFetch })
const now = '2020-01-01T00:00:00.000Z'
const ADDED = 20

let payload: Payload
let counter: ReturnType<typeof countQueries>
beforeAll(async () => {
  payload = await startPayload()
  counter = countQueries(payload)
})
afterAll(async () => {
  counter.restore()
  await stopPayload(payload)
})

/** The operations under test, each returning how many documents it showed and populated. */
const operations = {
  HomePage: async () => {
    const data = await api.request(ops.HomePageDocument, { now })
    return [
      ...(data.News?.docs ?? []),
      ...(data.Projects?.docs ?? []).flatMap((p) => [p, p?.organization]),
    ].filter(Boolean).length
  },
  NewsList: async () => {
    const data = await api.request(ops.NewsListDocument, { limit: 50 })
    return (data.News?.docs ?? []).length
  },
  ProjectBySlug: async (slug: string) => {
    const data = await api.request(ops.ProjectBySlugDocument, { slug })
    const doc = data.Projects?.docs?.[0]
    return [
      doc,
      ...(doc?.partners ?? []),
      ...(doc?.people ?? []),
      ...(doc?.principles ?? []),
    ].filter(Boolean).length
  },
}

type Counts = Record<keyof typeof operations, { statements: number; documents: number }>

async function measureAll(projectSlug: string): Promise<Counts> {
  const counts = {} as Counts
  for (const [name, run] of Object.entries(operations)) {
    const { result, statements } = await counter.measure(() => run(projectSlug))
    if (process.env.SHOW_SQL) console.info(`${name}\n${statements.join('\n')}`)
    counts[name as keyof Counts] = { statements: statements.length, documents: result }
  }
  return counts
}

/**
 * Linked documents numbered `from` to `to - 1`: organizations with a person each, projects whose
 * partners and people are all organizations and people made so far, and news by those people
 * about those projects, dated and titled so the operations list them first.
 */
async function addLinkedDocuments(from: number, to: number): Promise<string> {
  const context = { seeding: true }
  const principles = await payload.find({ collection: 'principles', depth: 0, limit: 10 })
  const principleIds = principles.docs.map((p) => p.id)
  for (let i = from; i < to; i++) {
    const org = await payload.create({
      collection: 'organizations',
      data: { name: `Zählorganisation ${i}`, kind: 'research', _status: 'published' },
      context,
    })
    organizations.push(org.id)
    const person = await payload.create({
      collection: 'people',
      data: { name: `Zählperson ${i}`, organization: org.id, _status: 'published' },
      context,
    })
    people.push(person.id)
  }
  let lastProject = ''
  for (let i = from; i < to; i++) {
    const project = await payload.create({
      collection: 'projects',
      data: {
        // First by title ("AAA…") and as the newest: the project list and the home page show them.
        title: `AAA Zählprojekt ${String(i).padStart(2, '0')}`,
        organization: organizations[i],
        partners: organizations,
        people,
        principles: principleIds,
        funding: { funder: organizations[0] },
        status: 'active',
        _status: 'published',
      },
      context,
    })
    projects.push(project.id)
    lastProject = String(project.slug)
  }
  for (let i = from; i < to; i++) {
    await payload.create({
      collection: 'news',
      data: {
        title: `Zählmeldung ${i}`,
        publishedAt: new Date(Date.UTC(2027, 0, 1 + i)).toISOString(),
        authors: people.slice(-5),
        organizations: organizations.slice(-5),
        projects: projects.slice(-5),
        principles: principleIds,
        tags: ['zählung', `tag-${i}`],
        _status: 'published',
      },
      context,
    })
  }
  return lastProject
}
const organizations: string[] = []
const people: string[] = []
const projects: string[] = []

test('the statements per operation do not grow with the documents it returns', async () => {
  // One linked document of each kind first, so both runs populate the same relationships.
  const before = await measureAll(await addLinkedDocuments(0, 1))
  const after = await measureAll(await addLinkedDocuments(1, ADDED))
  console.info(
    `SQL statements per operation (documents shown): ${Object.keys(before)
      .map((name) => {
        const b = before[name as keyof Counts]
        const a = after[name as keyof Counts]
        return `${name} ${b.statements} (${b.documents}) → ${a.statements} (${a.documents})`
      })
      .join(', ')}`,
  )
  for (const name of Object.keys(operations) as (keyof Counts)[]) {
    // The second run shows many more documents (else the comparison would prove nothing) …
    expect(after[name].documents).toBeGreaterThan(before[name].documents)
    // … with the same number of statements.
    expect(after[name].statements).toBe(before[name].statements)
  }
})
