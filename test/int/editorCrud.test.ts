import type { CollectionSlug, Payload } from 'payload'

import { rest, startPayload, stopPayload } from '../helpers/api'
import { minimalData, titleField } from '../helpers/fixtures'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let editor: TestUser
let data: Record<string, Record<string, unknown>>

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
  data = await minimalData(payload, 'crud')
})
afterAll(() => stopPayload(payload))

const contentCollections = [
  'news',
  'projects',
  'principles',
  'events',
  'people',
  'organizations',
  'signatories',
]

/** Where deleting moves a document into the trash (editors never delete for good there). */
const withTrash = new Set(['news', 'projects', 'principles', 'events', 'people', 'organizations'])

describe.each(contentCollections)('an editor manages %s over REST', (collection) => {
  test('create, read, update, delete (into the trash where there is one)', async () => {
    const created = await rest('POST', `/${collection}`, {
      token: editor.token,
      body: data[collection],
    })
    expect(created.status).toBe(201)
    const id = (created.body.doc as { id: string }).id

    const read = await rest('GET', `/${collection}/${id}?draft=true`, { token: editor.token })
    expect(read.status).toBe(200)

    const field = titleField[collection]!
    const updated = await rest('PATCH', `/${collection}/${id}`, {
      token: editor.token,
      body: { [field]: `Geändert ${collection}` },
    })
    expect(updated.status).toBe(200)
    expect((updated.body.doc as Record<string, unknown>)[field]).toBe(`Geändert ${collection}`)

    const deleted = withTrash.has(collection)
      ? await rest('PATCH', `/${collection}/${id}`, {
          token: editor.token,
          body: { deletedAt: new Date().toISOString() },
        })
      : await rest('DELETE', `/${collection}/${id}`, { token: editor.token })
    expect(deleted.status).toBe(200)
    const gone = await rest('GET', `/${collection}/${id}?draft=true`, { token: editor.token })
    expect(gone.status).toBe(404)
    const inTrash = await rest('GET', `/${collection}/${id}?draft=true&trash=true`, {
      token: editor.token,
    })
    expect(inTrash.status).toBe(withTrash.has(collection) ? 200 : 404)
  })

  test('the same through the local API with the editor and access enforced', async () => {
    const user = { ...editor.user, collection: 'users' as const }
    const slug = collection as CollectionSlug
    // Principles' positions are unique, and the REST test's principle is in the trash with its own.
    const fresh =
      collection === 'principles'
        ? { ...data[collection], position: Number(data[collection]!.position) + 1 }
        : data[collection]
    const doc = await payload.create({
      collection: slug,
      data: fresh as never,
      user,
      overrideAccess: false,
    })
    const field = titleField[collection]!
    const updated = await payload.update({
      collection: slug,
      id: doc.id,
      data: { [field]: 'Lokal geändert' } as never,
      user,
      overrideAccess: false,
    })
    expect((updated as unknown as Record<string, unknown>)[field]).toBe('Lokal geändert')
    if (withTrash.has(collection)) {
      await payload.update({
        collection: slug,
        id: doc.id,
        data: { deletedAt: new Date().toISOString() } as never,
        user,
        overrideAccess: false,
      })
    } else {
      await payload.delete({ collection: slug, id: doc.id, user, overrideAccess: false })
    }
    const { totalDocs } = await payload.count({
      collection: slug,
      where: { id: { equals: doc.id } },
    })
    expect(totalDocs).toBe(0)
  })
})

test('an editor publishes a news item and the public then sees it', async () => {
  const created = await rest('POST', '/news', {
    token: editor.token,
    body: { title: 'Jetzt veröffentlicht', _status: 'published' },
  })
  expect(created.status).toBe(201)
  const doc = created.body.doc as { id: string; publishedAt: string; _status: string }
  expect(doc._status).toBe('published')
  // publishedAt is stamped on first publish.
  expect(Date.parse(doc.publishedAt)).toBeGreaterThan(Date.now() - 60_000)
  const anonymous = await rest('GET', `/news/${doc.id}`)
  expect(anonymous.status).toBe(200)
})

test('an editor manages the globals', async () => {
  const site = await rest('POST', '/globals/site', {
    token: editor.token,
    body: { tagline: 'Neu' },
  })
  expect(site.status).toBe(200)
  const declaration = await rest('POST', '/globals/declaration', {
    token: editor.token,
    body: { callToAction: 'Machen Sie mit!', _status: 'published' },
  })
  expect(declaration.status).toBe(200)
  const publicView = await rest('GET', '/globals/declaration')
  expect(publicView.body.callToAction).toBe('Machen Sie mit!')
})

describe('users are managed by admins', () => {
  test('an editor cannot create users or change roles, not even their own', async () => {
    const create = await rest('POST', '/users', {
      token: editor.token,
      body: { name: 'X', email: 'x@test.example', password: 'pw-123456', role: 'admin' },
    })
    expect(create.status).toBe(403)
    const raise = await rest('PATCH', `/users/${editor.user.id}`, {
      token: editor.token,
      body: { role: 'admin' },
    })
    // The field is silently not writable: the request succeeds but the role stays.
    expect(raise.status).toBe(200)
    const after = await payload.findByID({ collection: 'users', id: editor.user.id })
    expect(after.role).toBe('editor')
  })

  test('an admin creates, updates and deletes a user; a partner needs an organization', async () => {
    const admin = await createUser(payload, 'admin')
    const missingOrg = await rest('POST', '/users', {
      token: admin.token,
      body: { name: 'P', email: 'p@test.example', password: 'pw-123456', role: 'partner' },
    })
    expect(missingOrg.status).toBe(400)
    expect(JSON.stringify(missingOrg.body)).toContain('organization')

    const created = await rest('POST', '/users', {
      token: admin.token,
      body: { name: 'E', email: 'e@test.example', password: 'pw-123456', role: 'editor' },
    })
    expect(created.status).toBe(201)
    const id = (created.body.doc as { id: string }).id
    const patched = await rest('PATCH', `/users/${id}`, {
      token: admin.token,
      body: { role: 'admin' },
    })
    expect((patched.body.doc as { role: string }).role).toBe('admin')
    expect((await rest('DELETE', `/users/${id}`, { token: admin.token })).status).toBe(200)
  })
})
