import type { Payload } from 'payload'

import { graphql, rest, startPayload, stopPayload } from '../helpers/api'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let editor: TestUser
let draftId: string
let publishedId: string

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
  const draft = await rest('POST', '/news', {
    token: editor.token,
    body: { title: 'Geheimer Entwurf' },
  })
  draftId = (draft.body.doc as { id: string }).id
  const published = await rest('POST', '/news', {
    token: editor.token,
    body: { title: 'Öffentliche Meldung', _status: 'published' },
  })
  publishedId = (published.body.doc as { id: string }).id
  // A later draft of the published item: the public must keep seeing the published title.
  await rest('PATCH', `/news/${publishedId}?draft=true`, {
    token: editor.token,
    body: { title: 'Unveröffentlichte Änderung' },
  })
})
afterAll(() => stopPayload(payload))

const titles = (docs: unknown) => (docs as { title: string }[]).map((d) => d.title)

describe('anonymous REST', () => {
  test('asking for drafts by status returns nothing', async () => {
    const { status, body } = await rest('GET', '/news?draft=true&where[_status][equals]=draft')
    expect(status).toBe(200)
    expect(body.docs).toEqual([])
  })

  test.each(['', '?draft=true'])('lists published news only (%s)', async (query) => {
    const { status, body } = await rest('GET', `/news${query}`)
    expect(status).toBe(200)
    expect(titles(body.docs)).toContain('Öffentliche Meldung')
    expect(titles(body.docs)).not.toContain('Geheimer Entwurf')
    expect(titles(body.docs)).not.toContain('Unveröffentlichte Änderung')
  })

  test('a draft by ID is not found, with or without draft=true', async () => {
    expect((await rest('GET', `/news/${draftId}`)).status).toBe(404)
    expect((await rest('GET', `/news/${draftId}?draft=true`)).status).toBe(404)
  })

  test('a published item with a newer draft shows the published content', async () => {
    const { body } = await rest('GET', `/news/${publishedId}?draft=true`)
    expect(body.title).toBe('Öffentliche Meldung')
  })

  test('versions, users and Payload internals are closed', async () => {
    expect((await rest('GET', '/news/versions')).status).toBe(403)
    expect((await rest('GET', '/globals/declaration/versions')).status).toBe(403)
    expect((await rest('GET', '/users')).status).toBe(403)
    expect((await rest('GET', '/payload-preferences')).status).toBe(403)
  })

  test('signatories: only approved ones with consent, without status, address or moderation', async () => {
    await payload.create({
      collection: 'signatories',
      data: {
        displayName: 'Nicht freigegeben',
        kind: 'person',
        consentToDisplay: true,
        status: 'awaiting-moderation',
      },
    })
    await payload.create({
      collection: 'signatories',
      data: {
        displayName: 'Ohne Einwilligung',
        kind: 'person',
        consentToDisplay: false,
        status: 'approved',
      },
    })
    const { body } = await rest('GET', '/signatories?limit=50')
    const names = (body.docs as { displayName: string }[]).map((d) => d.displayName)
    expect(names.sort()).toEqual(['Fraunhofer IAIS', 'KI Bundesverband'])
    for (const field of ['status', 'email', 'verified', 'emailKey', 'withdrawTokenHash']) {
      expect(body.docs?.[0]).not.toHaveProperty(field)
    }
  })

  test('the review trail of a project is not public', async () => {
    const { body } = await rest('GET', '/projects?where[slug][equals]=soofi')
    expect(body.docs).toHaveLength(1)
    expect(body.docs?.[0]).not.toHaveProperty('review')
  })

  test('the declaration shows its published version while a draft is pending', async () => {
    await rest('POST', '/globals/declaration?draft=true', {
      token: editor.token,
      body: { title: 'Entwurfstitel', _status: 'draft' },
    })
    expect((await rest('GET', '/globals/declaration')).body.title).toBe('New Wave of European AI')
    expect((await rest('GET', '/globals/declaration?draft=true')).body.title).toBe(
      'New Wave of European AI',
    )
  })
})

describe('anonymous GraphQL', () => {
  test.each([false, true])('lists published news only (draft: %s)', async (draft) => {
    const { data } = await graphql<{ News: { docs: { title: string }[] } }>(
      `
        query ($draft: Boolean) {
          News(draft: $draft, limit: 50) {
            docs {
              title
            }
          }
        }
      `,
      { draft },
    )
    const list = titles(data?.News.docs)
    expect(list).toContain('Öffentliche Meldung')
    expect(list).not.toContain('Geheimer Entwurf')
    expect(list).not.toContain('Unveröffentlichte Änderung')
  })

  test('a draft by ID is not returned', async () => {
    const { data, errors } = await graphql<{ NewsItem: { title: string } | null }>(
      `
        query ($id: String!) {
          NewsItem(id: $id, draft: true) {
            title
          }
        }
      `,
      { id: draftId },
    )
    expect(data?.NewsItem ?? null).toBeNull()
    expect(errors?.[0]?.message).toBeDefined()
  })

  test('versions and users are refused', async () => {
    const versions = await graphql(`
      {
        versionsNews {
          docs {
            id
          }
        }
      }
    `)
    expect(versions.errors?.[0]?.message).toMatch(/not allowed|keine Berechtigung/i)
    const users = await graphql(`
      {
        Users {
          docs {
            email
          }
        }
      }
    `)
    expect(users.errors?.[0]?.message).toMatch(/not allowed|keine Berechtigung/i)
  })

  test('the declaration is the published one, also with draft: true', async () => {
    const { data } = await graphql<{ Declaration: { title: string } }>(`
      {
        Declaration(draft: true) {
          title
        }
      }
    `)
    expect(data?.Declaration.title).toBe('New Wave of European AI')
  })
})

describe('staff see drafts', () => {
  test('an editor lists drafts with draft=true', async () => {
    const { body } = await rest('GET', '/news?draft=true&limit=50', { token: editor.token })
    expect(titles(body.docs)).toContain('Geheimer Entwurf')
    expect(titles(body.docs)).toContain('Unveröffentlichte Änderung')
  })
})

describe('GraphQL answers for every collection and global', () => {
  const lists = [
    'News',
    'Projects',
    'Principles',
    'Events',
    'Media',
    'People',
    'Organizations',
    'Signatories',
  ]
  const query = `{ ${lists.map((l) => `${l} { totalDocs }`).join(' ')} Declaration { title } Site { name } }`

  test('anonymously (all public lists, no errors)', async () => {
    const { data, errors } =
      await graphql<Record<string, { totalDocs?: number; title?: string; name?: string }>>(query)
    expect(errors).toBeUndefined()
    expect(data?.Principles?.totalDocs).toBe(4)
    expect(data?.Site?.name).toBe('New Wave of European AI')
  })

  test('as an editor, including users', async () => {
    const { data, errors } = await graphql<Record<string, { totalDocs: number }>>(
      query.replace('{ News', '{ Users { totalDocs } News'),
      {},
      { token: editor.token },
    )
    expect(errors).toBeUndefined()
    expect(data?.Users?.totalDocs).toBeGreaterThanOrEqual(2)
  })
})
