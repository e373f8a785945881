/**
 * The access matrix's rows for signatures (src/cms/access/matrix.ts): the staff-only fields (address,
 * status, moderation) reach no one but staff, over REST, GraphQL and the local API, nor serve the
 * public or partners as a filter; the hidden token hashes reach no one at all; the used-form
 * record is closed to every role; and nobody but staff creates a signature over the API.
 */
import type { Payload } from 'payload'

import { accessMatrix } from '@/cms/access/matrix'

import { graphql, rest, startPayload, stopPayload } from '../helpers/api'
import { idBySlug } from '../helpers/fixtures'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let callers: Record<'public' | 'partner' | 'editor' | 'admin', TestUser | null>
let id: string

const { staffFields, hiddenFields } = accessMatrix.signatories

beforeAll(async () => {
  payload = await startPayload()
  const organization = await idBySlug(payload, 'organizations', 'fraunhofer-iais')
  callers = {
    public: null,
    partner: await createUser(payload, 'partner', { organization }),
    editor: await createUser(payload, 'editor'),
    admin: await createUser(payload, 'admin'),
  }
  const doc = await payload.create({
    collection: 'signatories',
    data: {
      displayName: 'Mit Adresse',
      kind: 'person',
      consentToDisplay: true,
      status: 'approved',
      verified: true,
      email: 'mit.adresse@example.org',
      consentToUpdates: true,
      locale: 'de',
      source: 'form',
      confirmExpiresAt: new Date().toISOString(),
      confirmTokenHash: 'c'.repeat(64),
      withdrawTokenHash: 'w'.repeat(64),
    } as never,
    overrideAccess: true,
  })
  id = String(doc.id)
})
afterAll(() => stopPayload(payload))

const tokenOf = (name: keyof typeof callers) => callers[name]?.token
const isStaff = (name: string) => name === 'editor' || name === 'admin'

describe.each(['public', 'partner', 'editor', 'admin'] as const)('%s', (name) => {
  test('REST: staff fields only for staff, hidden fields for nobody', async () => {
    const { status, body } = await rest('GET', `/signatories/${id}`, { token: tokenOf(name) })
    expect(status).toBe(200)
    for (const field of staffFields) {
      expect([field, field in body]).toEqual([field, isStaff(name)])
    }
    for (const field of hiddenFields) expect([field, field in body]).toEqual([field, false])
    const text = JSON.stringify(body)
    expect(text.includes('mit.adresse@example.org')).toBe(isStaff(name))
  })

  test('GraphQL: the same', async () => {
    const res = await graphql<{ Signatory: Record<string, unknown> | null }>(
      `query ($id: String!) { Signatory(id: $id) { displayName ${staffFields.join(' ')} } }`,
      { id },
      { token: tokenOf(name) },
    )
    const doc = res.data?.Signatory ?? {}
    expect(doc.displayName).toBe('Mit Adresse')
    for (const field of staffFields) {
      expect([field, doc[field] != null]).toEqual([field, isStaff(name)])
    }
    // Hidden fields are in Payload's schema but never carry a value, whoever asks.
    const hidden = await graphql<{ Signatory: Record<string, unknown> }>(
      `query ($id: String!) { Signatory(id: $id) { ${hiddenFields.join(' ')} } }`,
      { id },
      { token: tokenOf(name) },
    )
    for (const field of hiddenFields) {
      expect([field, hidden.data?.Signatory?.[field] ?? null]).toEqual([field, null])
    }
  })

  test('local API with the caller’s access: the same', async () => {
    const user = callers[name]
    const doc = (await payload.findByID({
      collection: 'signatories',
      id,
      overrideAccess: false,
      ...(user ? { user: { ...user.user, collection: 'users' as const } } : {}),
    })) as unknown as Record<string, unknown>
    for (const field of staffFields) {
      expect([field, doc[field] !== undefined]).toEqual([field, isStaff(name)])
    }
    for (const field of hiddenFields) expect([field, doc[field]]).toEqual([field, undefined])
  })

  test('filters on an address or a status are refused unless staff', async () => {
    const byAddress = await rest(
      'GET',
      `/signatories?where[email][equals]=${encodeURIComponent('mit.adresse@example.org')}`,
      { token: tokenOf(name) },
    )
    if (isStaff(name)) {
      expect(byAddress.status).toBe(200)
      expect(byAddress.body.docs).toHaveLength(1)
    } else {
      expect(byAddress.status).toBeGreaterThanOrEqual(400)
      expect(byAddress.status).toBeLessThan(500)
    }
    const gql = await graphql(
      `
        {
          Signatories(where: { status: { equals: unconfirmed } }) {
            totalDocs
          }
        }
      `,
      {},
      { token: tokenOf(name) },
    )
    expect(Boolean(gql.errors?.length)).toBe(!isStaff(name))
  })

  test('used forms are closed, and a signature is created over the API by staff alone', async () => {
    const forms = await rest('GET', '/signature-forms', { token: tokenOf(name) })
    expect(forms.status).toBe(403)
    const created = await rest('POST', '/signatories', {
      token: tokenOf(name),
      body: { displayName: `Direkt ${name}`, kind: 'person', status: 'approved' },
    })
    expect(created.status === 201).toBe(isStaff(name))
    const mutation = await graphql(
      `mutation { createSignatory(data: { displayName: "GraphQL ${name}", kind: person }) { id } }`,
      {},
      { token: tokenOf(name) },
    )
    expect(!mutation.errors?.length).toBe(isStaff(name))
  })
})
