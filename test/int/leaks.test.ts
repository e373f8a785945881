/** The paths through which Payload sites have leaked drafts or internal fields before. */
import type { Payload } from 'payload'

import { graphql, rest, startPayload, stopPayload } from '../helpers/api'
import { idBySlug } from '../helpers/fixtures'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let editor: TestUser
let partnerB: TestUser
let draftPersonId: string
let newsId: string

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
  partnerB = await createUser(payload, 'partner', {
    organization: await idBySlug(payload, 'organizations', 'ki-bundesverband'),
  })
  const draftPerson = await payload.create({
    collection: 'people',
    draft: true,
    data: { name: 'Geheime Autorin', _status: 'draft' },
  })
  draftPersonId = String(draftPerson.id)
  const news = await payload.create({
    collection: 'news',
    data: { title: 'Mit Entwurfsautorin', authors: [draftPersonId], _status: 'published' },
  })
  newsId = String(news.id)
  const soofi = await idBySlug(payload, 'projects', 'soofi')
  await payload.update({
    collection: 'projects',
    id: soofi,
    data: { review: { note: 'interne Notiz' } },
  })
})
afterAll(() => stopPayload(payload))

test('where on a field the caller may not read is no oracle', async () => {
  for (const [path, value] of [
    ['review.note', 'interne Notiz'],
    ['review.state', 'approved'],
  ]) {
    const hit = await rest('GET', `/projects?where[${path}][equals]=${encodeURIComponent(value)}`)
    const miss = await rest('GET', `/projects?where[${path}][equals]=nothing-like-it`)
    expect(hit.status).toBeGreaterThanOrEqual(400)
    expect(hit.status).toBeLessThan(500)
    expect(hit.body).toEqual(miss.body)
  }
  const unapproved = await rest('GET', '/signatories?where[status][equals]=unconfirmed')
  expect(unapproved.status).toBeGreaterThanOrEqual(400)
  expect(unapproved.status).toBeLessThan(500)
  const gql = await graphql(`
    {
      Projects(where: { review__note: { equals: "interne Notiz" } }) {
        totalDocs
      }
    }
  `)
  expect(gql.errors?.length ?? 0).toBeGreaterThan(0)
})

test('a published item never populates a draft it refers to', async () => {
  const res = await rest('GET', `/news/${newsId}?depth=2`)
  expect(JSON.stringify(res.body)).not.toContain('Geheime Autorin')
  const gql = await graphql<{ NewsItem: { authors: ({ name: string } | null)[] | null } }>(
    `
      query ($id: String!) {
        NewsItem(id: $id) {
          authors {
            name
          }
        }
      }
    `,
    { id: newsId },
  )
  expect(JSON.stringify(gql.data)).not.toContain('Geheime Autorin')
  const populate = await rest('GET', `/news/${newsId}?populate[people][name]=true&depth=1`)
  expect(JSON.stringify(populate.body)).not.toContain('Geheime Autorin')
})

test('select cannot ask for hidden fields', async () => {
  const res = await rest('GET', '/projects?select[review]=true&select[title]=true')
  expect(res.status).toBe(200)
  expect(JSON.stringify(res.body)).not.toContain('interne Notiz')
  expect(res.body.docs?.[0]).not.toHaveProperty('review')
})

test('version endpoints are closed to the public and to partners of other organizations', async () => {
  const soofi = await idBySlug(payload, 'projects', 'soofi')
  const versions = await payload.findVersions({
    collection: 'projects',
    where: { parent: { equals: soofi } },
    limit: 1,
  })
  const versionId = String(versions.docs[0]!.id)
  expect((await rest('GET', '/projects/versions')).status).toBe(403)
  expect((await rest('GET', `/projects/versions/${versionId}`)).status).toBe(403)
  expect([403, 404]).toContain(
    (await rest('GET', `/projects/versions/${versionId}`, { token: partnerB.token })).status,
  )
  const gql = await graphql(
    `
      query ($id: String!) {
        versionProject(id: $id) {
          id
        }
      }
    `,
    { id: versionId },
  )
  expect(gql.errors?.length ?? 0).toBeGreaterThan(0)
  const list = await graphql(
    `
      {
        versionsPeople {
          docs {
            id
            version {
              name
            }
          }
        }
      }
    `,
    {},
    { token: partnerB.token },
  )
  expect(JSON.stringify(list)).not.toContain('Geheime Autorin')
})

test('accounts never show secrets', async () => {
  const me = await rest('GET', '/users/me', { token: editor.token })
  const text = JSON.stringify(me.body)
  // (Payload shows users their own session ids and expiry; those are not secrets to them.)
  for (const secret of ['hash', 'salt', 'resetPasswordToken', 'lockUntil'])
    expect(text).not.toContain(`"${secret}"`)
  const gql = await graphql(
    `
      {
        Users {
          docs {
            email
            role
          }
        }
      }
    `,
    {},
    { token: partnerB.token },
  )
  expect(JSON.stringify(gql.data)).not.toContain(editor.email)
})
