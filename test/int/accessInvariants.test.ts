/**
 * Promises that hold whatever the access matrix says, so a wrong cell in src/cms/access/matrix.ts
 * (and the docs and matrix test generated from it) cannot pass unnoticed. They are derived from
 * the collection configs and the data, never from the matrix:
 * - the public never reads a draft, a version or a field it may not read, of any entity;
 * - a partner never writes another organization's document;
 * - nobody but admins changes a role.
 */
import type { CollectionSlug, Field, Payload, PayloadRequest } from 'payload'

import type { EntitySlug } from '@/cms/access/matrix'

import { graphql, rest, startPayload, stopPayload } from '../helpers/api'
import {
  graphqlChannel,
  localChannel,
  restChannel,
  type Caller,
  type Channel,
} from '../helpers/channels'
import { idBySlug, minimalData, titleField } from '../helpers/fixtures'
import { createUser } from '../helpers/users'

let payload: Payload
let channels: Channel[]
const callers: Record<'public' | 'partner' | 'editor' | 'admin', Caller> = {
  public: { name: 'public' },
} as never
let ownOrganization: string
let otherOrganization: string

beforeAll(async () => {
  payload = await startPayload()
  ownOrganization = await idBySlug(payload, 'organizations', 'fraunhofer-iais')
  otherOrganization = await idBySlug(payload, 'organizations', 'ki-bundesverband')
  for (const [name, role, extra] of [
    ['partner', 'partner', { organization: ownOrganization }],
    ['editor', 'editor', {}],
    ['admin', 'admin', {}],
  ] as const) {
    const { user, token } = await createUser(payload, role, extra)
    callers[name] = { name, user, token }
  }
  channels = [restChannel(), graphqlChannel(payload), localChannel(payload)]
})
afterAll(() => stopPayload(payload))

const collections = () => payload.config.collections
const withDrafts = () =>
  collections().filter((c) => typeof c.versions === 'object' && c.versions?.drafts)

const MARKER = 'INVARIANT-DRAFT-MARKER'

/** A one-pixel PNG, for media documents. */
const pixel = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

describe('the public never reads a draft, a version or a field it may not read', () => {
  test('of any collection with drafts, through every channel', async () => {
    for (const collection of withDrafts()) {
      const slug = collection.slug as CollectionSlug
      // Fresh data for each document (principles need a position of their own).
      const fresh = async () => (await minimalData(payload, `invariant-${Date.now()}`))[slug]
      if (!(await fresh())) {
        throw new Error(`no fixture data for ${slug}: add it to test/helpers/fixtures.ts`)
      }
      const field = titleField[slug]!
      // One document that was never published, one published with a newer draft.
      const draftOnly = await payload.create({
        collection: slug,
        data: { ...(await fresh()), [field]: `${MARKER} only`, _status: 'draft' } as never,
        draft: true,
      })
      const published = await payload.create({
        collection: slug,
        data: { ...(await fresh()), [field]: `Published ${slug}`, _status: 'published' } as never,
      })
      await payload.update({
        collection: slug,
        id: published.id,
        data: { [field]: `${MARKER} pending` } as never,
        draft: true,
      })
      for (const channel of channels) {
        for (const draft of [false, true]) {
          const one = await channel.read(slug as EntitySlug, String(draftOnly.id), callers.public, {
            draft,
          })
          expect(`${channel.name} ${slug} draft-only readable: ${one.ok}`).toMatch(/false$/)
          const current = await channel.read(
            slug as EntitySlug,
            String(published.id),
            callers.public,
            { draft },
          )
          expect(JSON.stringify(current.doc ?? {})).not.toContain(MARKER)
        }
      }
      for (const query of ['', '?draft=true', `?draft=true&where[${field}][like]=${MARKER}`]) {
        const list = await rest('GET', `/${slug}${query}&limit=100`.replace('&', query ? '&' : '?'))
        expect(JSON.stringify(list.body)).not.toContain(MARKER)
      }
    }
  })

  test('versions are closed to the public over REST and GraphQL', async () => {
    for (const collection of withDrafts()) {
      const res = await rest('GET', `/${collection.slug}/versions?limit=100`)
      expect(`${collection.slug}: ${res.status} ${res.body.docs?.length ?? 0}`).toMatch(
        /^\S+: (401|403) |^\S+: 200 0$/,
      )
      expect(JSON.stringify(res.body)).not.toContain(MARKER)
      const plural = collection.graphQL && collection.graphQL.pluralName
      const answer = await graphql(`{ versions${plural} { docs { id } } }`)
      expect(JSON.stringify(answer.data ?? {})).not.toMatch(/"id"/)
    }
    const globalVersions = await graphql('{ versionsDeclaration { docs { id } } }')
    expect(JSON.stringify(globalVersions.data ?? {})).not.toMatch(/"id"/)
  })

  test('a draft of a global is never what the public reads', async () => {
    await payload.updateGlobal({
      slug: 'declaration',
      data: { title: `${MARKER} declaration` },
      draft: true,
    })
    for (const channel of channels) {
      for (const draft of [false, true]) {
        const read = await channel.read('declaration', null, callers.public, { draft })
        expect(JSON.stringify(read.doc ?? {})).not.toContain(MARKER)
      }
    }
  })

  test('no field whose read access refuses the public appears in what it reads', async () => {
    const publicReq = { user: null, payload } as unknown as PayloadRequest
    for (const collection of collections()) {
      const closed = (collection.fields as Field[])
        .filter((field): field is Field & { name: string } => 'name' in field)
        .filter((field) => {
          if ('hidden' in field && field.hidden) return true
          const read = (field as { access?: { read?: (args: unknown) => unknown } }).access?.read
          return read ? !read({ req: publicReq, doc: {} }) : false
        })
        .map((field) => field.name)
      if (closed.length === 0) continue
      const res = await rest('GET', `/${collection.slug}?limit=100&depth=1`)
      for (const doc of res.body.docs ?? []) {
        for (const name of closed)
          expect(`${collection.slug}.${name}: ${name in doc}`).toMatch(/false$/)
      }
    }
  })
})

describe('a partner never writes another organization’s document', () => {
  /** Collections whose documents belong to an organization: they relate to one as `organization`. */
  const owned = () =>
    collections().filter((c) =>
      c.fields.some(
        (f) =>
          'name' in f &&
          f.name === 'organization' &&
          'relationTo' in f &&
          f.relationTo === 'organizations',
      ),
    )

  test('not by updating, deleting or creating one, through any channel', async () => {
    const data = await minimalData(payload, `theirs-${Date.now()}`)
    const targets: { slug: CollectionSlug; id: string }[] = [
      { slug: 'organizations', id: otherOrganization },
    ]
    for (const collection of owned()) {
      const slug = collection.slug as CollectionSlug
      if (slug === 'media') {
        const image = await payload.create({
          collection: 'media',
          data: { alt: 'Their image', organization: otherOrganization },
          file: {
            data: pixel,
            mimetype: 'image/png',
            name: `theirs-${Date.now()}.png`,
            size: pixel.length,
          },
        })
        targets.push({ slug, id: String(image.id) })
        continue
      }
      if (!data[slug]) continue
      const doc = await payload.create({
        collection: slug,
        data: { ...data[slug], organization: otherOrganization, _status: 'published' } as never,
      })
      targets.push({ slug, id: String(doc.id) })
    }
    expect(targets.map((t) => t.slug)).toEqual(
      expect.arrayContaining(['organizations', 'projects', 'people', 'media']),
    )

    const state = async ({ slug, id }: { slug: CollectionSlug; id: string }) => {
      const doc = await payload.findByID({ collection: slug, id, draft: true, depth: 0 })
      const versions = collections().find((c) => c.slug === slug)?.versions
        ? (await payload.countVersions({ collection: slug, where: { parent: { equals: id } } }))
            .totalDocs
        : 0
      return JSON.stringify({ doc, versions })
    }
    for (const target of targets) {
      const before = await state(target)
      const field = titleField[target.slug] ?? (target.slug === 'media' ? 'alt' : 'name')
      for (const channel of channels) {
        for (const draft of [false, true]) {
          await channel.update(
            target.slug as EntitySlug,
            target.id,
            { [field]: 'written by another organization’s partner', organization: ownOrganization },
            callers.partner,
            { draft },
          )
        }
        await channel.remove(target.slug as EntitySlug, target.id, callers.partner)
      }
      expect(await state(target)).toBe(before)
    }

    // Creating: whatever organization a partner names, what it creates is its own.
    for (const collection of owned()) {
      const slug = collection.slug as CollectionSlug
      if (!data[slug] || slug === 'signatories') continue
      for (const channel of channels) {
        const made = await channel.create(
          slug as EntitySlug,
          { ...data[slug], organization: otherOrganization },
          callers.partner,
          { draft: true },
        )
        if (!made.ok || !made.doc?.id) continue
        const stored = await payload.findByID({
          collection: slug,
          id: String(made.doc.id),
          draft: true,
          depth: 0,
        })
        expect(
          `${channel.name} ${slug} owner: ${String((stored as { organization?: unknown }).organization)}`,
        ).toBe(`${channel.name} ${slug} owner: ${ownOrganization}`)
      }
    }
  })
})

describe('nobody but admins changes a role', () => {
  test('not their own, not someone else’s, not by creating a user, through any channel', async () => {
    const victim = await createUser(payload, 'partner', { organization: ownOrganization })
    for (const actor of [callers.partner, callers.editor]) {
      for (const channel of channels) {
        for (const target of [actor.user!, victim.user]) {
          await channel.update('users', String(target.id), { role: 'admin' }, actor)
        }
        await channel.create(
          'users',
          {
            name: 'Raised',
            email: `raised-${Math.random()}@test.example`,
            password: 'x1234567',
            role: 'admin',
          },
          actor,
        )
      }
      const own = await payload.findByID({ collection: 'users', id: actor.user!.id, depth: 0 })
      expect(own.role).toBe(actor.user!.role)
    }
    expect((await payload.findByID({ collection: 'users', id: victim.user.id })).role).toBe(
      'partner',
    )
    const admins = await payload.count({
      collection: 'users',
      where: { role: { equals: 'admin' } },
    })
    // The seeded admin and the test admin; nobody else became one.
    expect(admins.totalDocs).toBe(2)
    // An admin can: the rule is about who, not that roles are frozen.
    const byAdmin = await rest('PATCH', `/users/${victim.user.id}`, {
      token: callers.admin.token,
      body: { role: 'editor' },
    })
    expect(byAdmin.status).toBe(200)
    expect((await payload.findByID({ collection: 'users', id: victim.user.id })).role).toBe(
      'editor',
    )
  })
})
