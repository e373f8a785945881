/**
 * The trash, beyond the matrix cells: what Payload leaves to us. The public never gets a trashed
 * document whatever it asks for; deleting for good is only emptying the trash, and only admins do
 * it; a trashed document keeps its slug without blocking editors or the seeder; signatories and
 * users have no trash.
 */
import config from '@payload-config'
import type { CollectionSlug, Payload } from 'payload'

import { accessMatrix, type Entity, type EntitySlug } from '@/cms/access/matrix'
import { seed } from '@/data/seed/seed'

import { graphql, rest, startPayload, stopPayload } from '../helpers/api'
import { idBySlug } from '../helpers/fixtures'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let editor: TestUser
let admin: TestUser
let partner: TestUser

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
  admin = await createUser(payload, 'admin')
  partner = await createUser(payload, 'partner', {
    organization: await idBySlug(payload, 'organizations', 'fraunhofer-iais'),
  })
})
afterAll(() => stopPayload(payload))

const trashNow = () => ({ deletedAt: new Date().toISOString() })
const docId = (res: { body: Record<string, unknown> }) => (res.body.doc as { id: string }).id

async function publishedNews(title: string): Promise<string> {
  const res = await rest('POST', '/news', {
    token: editor.token,
    body: { title, excerpt: 'Kurz', _status: 'published' },
  })
  expect(res.status).toBe(201)
  return docId(res)
}

test('every collection has a trash exactly where the access matrix says, signatories and users none', async () => {
  const sanitized = await config
  for (const collection of sanitized.collections) {
    const entity = accessMatrix[collection.slug as EntitySlug] as Entity | undefined
    expect([collection.slug, Boolean(collection.trash)]).toEqual([
      collection.slug,
      Boolean(entity?.trash),
    ])
  }
  const trashed = sanitized.collections.filter((c) => c.trash).map((c) => c.slug)
  expect(trashed.sort()).toEqual(
    ['events', 'news', 'organizations', 'people', 'principles', 'projects'].sort(),
  )
})

test('the public never sees a trashed document, in any channel, whatever it asks for', async () => {
  const title = `Bald im Papierkorb ${Date.now()}`
  const id = await publishedNews(title)
  expect((await rest('GET', `/news/${id}`)).status).toBe(200)
  const moved = await rest('PATCH', `/news/${id}`, { token: editor.token, body: trashNow() })
  expect(moved.status).toBe(200)

  for (const query of ['', '?trash=true', '?trash=true&draft=true']) {
    expect((await rest('GET', `/news/${id}${query}`)).status).toBe(404)
    const list = await rest('GET', `/news${query}${query ? '&' : '?'}limit=100`)
    expect((list.body.docs ?? []).map((d) => d.id)).not.toContain(id)
  }
  const count = await rest('GET', `/news/count?trash=true&where[id][equals]=${id}`)
  expect(count.body.totalDocs).toBe(0)

  const gql = await graphql<{
    NewsItem: { id: string } | null
    News: { docs: { id: string }[] }
    countNews: { totalDocs: number }
  }>(
    `
      query ($id: String!) {
        NewsItem(id: $id, trash: true) {
          id
        }
        News(trash: true, limit: 100) {
          docs {
            id
          }
        }
        countNews(trash: true, where: { id: { equals: $id } }) {
          totalDocs
        }
      }
    `,
    { id },
  )
  expect(gql.data?.NewsItem ?? null).toBeNull()
  expect(gql.data?.News.docs.map((d) => d.id)).not.toContain(id)
  expect(gql.data?.countNews.totalDocs).toBe(0)

  // Partners are the public here: they do not see the trash either.
  expect((await rest('GET', `/news/${id}?trash=true`, { token: partner.token })).status).toBe(404)
  // Editors do, and restoring brings it back to the public.
  expect((await rest('GET', `/news/${id}?trash=true`, { token: editor.token })).status).toBe(200)
  const restored = await rest('PATCH', `/news/${id}?trash=true`, {
    token: editor.token,
    body: { deletedAt: null },
  })
  expect(restored.status).toBe(200)
  expect((await rest('GET', `/news/${id}`)).status).toBe(200)
})

test('a trashed person linked from published news is not handed out through the news', async () => {
  const person = await rest('POST', '/people', {
    token: editor.token,
    body: { name: `Verlinkte Person ${Date.now()}`, _status: 'published' },
  })
  const personId = docId(person)
  const news = await rest('POST', '/news', {
    token: editor.token,
    body: { title: `Mit Autorin ${Date.now()}`, authors: [personId], _status: 'published' },
  })
  await rest('PATCH', `/people/${personId}`, { token: editor.token, body: trashNow() })
  const read = await rest('GET', `/news/${docId(news)}?depth=1`)
  expect(JSON.stringify(read.body.authors ?? [])).not.toContain('Verlinkte Person')
})

test('deleting for good is emptying the trash: admins only, and only what is already there', async () => {
  const id = await publishedNews(`Endgültig ${Date.now()}`)
  // Nobody deletes a live document for good, not even an admin: it goes into the trash first.
  for (const user of [editor, admin]) {
    expect((await rest('DELETE', `/news/${id}`, { token: user.token })).status).toBe(403)
  }
  await rest('PATCH', `/news/${id}`, { token: editor.token, body: trashNow() })
  expect((await rest('DELETE', `/news/${id}?trash=true`, { token: editor.token })).status).toBe(403)
  expect((await rest('DELETE', `/news/${id}?trash=true`, { token: admin.token })).status).toBe(200)
  const gone = await payload.find({
    collection: 'news',
    where: { id: { equals: id } },
    trash: true,
  })
  expect(gone.totalDocs).toBe(0)
})

test('partners delete nothing of their own, neither into the trash nor for good', async () => {
  const own = await rest('POST', '/projects', {
    token: partner.token,
    body: { title: `Eigenes Projekt ${Date.now()}` },
  })
  const id = docId(own)
  expect((await rest('DELETE', `/projects/${id}`, { token: partner.token })).status).toBe(403)
  const trashed = await rest('PATCH', `/projects/${id}`, {
    token: partner.token,
    body: trashNow(),
  })
  expect(trashed.status).toBe(403)
  const latest = await payload.findByID({ collection: 'projects', id, draft: true, trash: true })
  expect(latest.deletedAt ?? null).toBeNull()
})

test('a partner cannot publish by restoring an older published version', async () => {
  const soofi = await idBySlug(payload, 'projects', 'soofi')
  const before = (await rest('GET', `/projects/${soofi}`)).body.title
  await payload.update({ collection: 'projects', id: soofi, data: { title: 'SOOFI – jetzt live' } })
  const { docs } = await payload.findVersions({
    collection: 'projects',
    where: {
      and: [{ parent: { equals: soofi } }, { 'version.title': { equals: before as string } }],
    },
    sort: '-updatedAt',
    limit: 1,
  })
  const res = await rest('POST', `/projects/versions/${docs[0]!.id}`, { token: partner.token })
  expect(res.status).toBe(403)
  expect((await rest('GET', `/projects/${soofi}`)).body.title).toBe('SOOFI – jetzt live')
})

test('a trashed document keeps its slug: a new one gets the next, a hand-typed copy is told why', async () => {
  const title = `Wiederkehrende Meldung ${Date.now()}`
  const first = await publishedNews(title)
  const slug = (await payload.findByID({ collection: 'news', id: first })).slug
  await rest('PATCH', `/news/${first}`, { token: editor.token, body: trashNow() })
  const again = await rest('POST', '/news', { token: editor.token, body: { title } })
  expect(again.status).toBe(201)
  expect((again.body.doc as { slug: string }).slug).toBe(`${slug}-2`)

  const german = await rest('POST', '/news', { token: editor.token, body: { title: 'X', slug } })
  expect(german.status).toBe(400)
  expect(JSON.stringify(german.body)).toContain('gehört einem Dokument im Papierkorb')
  const english = await rest('POST', '/news', {
    token: editor.token,
    body: { title: 'X', slug },
    headers: { 'Accept-Language': 'en' },
  })
  expect(english.status).toBe(400)
  expect(JSON.stringify(english.body)).toContain('belongs to a document in the trash')
})

test('a principle in the trash keeps its position, and a new one at that position is told why', async () => {
  const principle = await payload.create({
    collection: 'principles',
    data: { title: 'Fünftes Prinzip', position: 500, _status: 'published' },
  })
  await rest('PATCH', `/principles/${principle.id}`, { token: editor.token, body: trashNow() })
  const again = await rest('POST', '/principles', {
    token: editor.token,
    body: { title: 'Neues fünftes Prinzip', position: 500 },
    headers: { 'Accept-Language': 'en' },
  })
  expect(again.status).toBe(400)
  expect(JSON.stringify(again.body)).toContain('Position 500 belongs to a principle in the trash')
})

test('the seeder counts a trashed seed document as there and leaves it in the trash', async () => {
  const soofi = await idBySlug(payload, 'projects', 'soofi')
  await payload.update({ collection: 'projects', id: soofi, data: trashNow() })
  const report = await seed(payload, { log: () => undefined })
  expect(report.created.projects).toBe(0)
  const all = await payload.find({
    collection: 'projects',
    where: { slug: { equals: 'soofi' } },
    trash: true,
  })
  expect(all.docs.map((d) => [d.id, Boolean(d.deletedAt)])).toEqual([[soofi, true]])
})

test.each(['signatories', 'users'] as const)('deleting %s is real: no trash', async (slug) => {
  const doc =
    slug === 'users'
      ? await payload.create({
          collection: 'users',
          data: {
            name: 'Weg',
            email: `weg-${Date.now()}@test.example`,
            password: 'pw-weg-123456',
            role: 'editor',
          },
        })
      : await payload.create({
          collection: 'signatories',
          data: { displayName: 'Zurückgezogen', kind: 'person' },
        })
  const res = await rest('DELETE', `/${slug}/${doc.id}`, { token: admin.token })
  expect(res.status).toBe(200)
  const left = await payload.db.find({
    collection: slug as CollectionSlug,
    where: { id: { equals: doc.id } },
  })
  expect(left.docs).toEqual([])
})
