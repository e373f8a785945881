/**
 * Review of partners' people drafts and the stored history of review steps: who, when, from
 * which state to which, the note; readable by staff and the owning partner only, written by the
 * server alone, kept beyond the 50 versions autosave fills.
 */
import type { Payload } from 'payload'

import { rest, startPayload, stopPayload } from '../helpers/api'
import { idBySlug } from '../helpers/fixtures'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let partner: TestUser
let otherPartner: TestUser
let editor: TestUser
let admin: TestUser

beforeAll(async () => {
  payload = await startPayload()
  partner = await createUser(payload, 'partner', {
    organization: await idBySlug(payload, 'organizations', 'fraunhofer-iais'),
  })
  otherPartner = await createUser(payload, 'partner', {
    organization: await idBySlug(payload, 'organizations', 'ki-bundesverband'),
  })
  editor = await createUser(payload, 'editor')
  admin = await createUser(payload, 'admin')
})
afterAll(() => stopPayload(payload))

type Entry = { from: string; to: string; actorName: string; note: string | null }

const historyOf = (id: string, token?: string) =>
  rest('GET', `/review-history?where[documentId][equals]=${id}&sort=createdAt`, { token })

test('a partner submits a person draft; the editor sends it back, then approves; every step is recorded', async () => {
  const created = await rest('POST', '/people', {
    token: partner.token,
    body: { name: 'Dr. Neue Kollegin' },
  })
  const id = (created.body.doc as { id: string }).id
  const submit = () =>
    rest('PATCH', `/people/${id}?draft=true`, {
      token: partner.token,
      body: { review: { state: 'in-review' } },
    })
  expect((await submit()).status).toBe(200)

  // Partners cannot decide their own submission here either.
  const selfApproved = await rest('PATCH', `/people/${id}`, {
    token: partner.token,
    body: { review: { state: 'approved' } },
  })
  expect(selfApproved.status).toBe(403)

  const noNote = await rest('PATCH', `/people/${id}?draft=true`, {
    token: editor.token,
    body: { review: { state: 'changes-requested' } },
  })
  expect(noNote.status).toBe(400)
  await rest('PATCH', `/people/${id}?draft=true`, {
    token: editor.token,
    body: { review: { state: 'changes-requested', note: 'Bitte eine Funktion angeben.' } },
  })
  await rest('PATCH', `/people/${id}?draft=true`, {
    token: partner.token,
    body: { roleTitle: 'Forscherin' },
  })
  expect((await submit()).status).toBe(200)
  const approved = await rest('PATCH', `/people/${id}`, {
    token: editor.token,
    body: { _status: 'published' },
  })
  expect(approved.status).toBe(200)
  expect((await rest('GET', `/people/${id}`)).body.name).toBe('Dr. Neue Kollegin')

  const history = await historyOf(id, partner.token)
  expect(history.status).toBe(200)
  expect(
    (history.body.docs as unknown as Entry[]).map(({ from, to, actorName, note }) => ({
      from,
      to,
      actorName,
      note: note ?? null,
    })),
  ).toEqual([
    { from: 'draft', to: 'in-review', actorName: 'Test partner', note: null },
    {
      from: 'in-review',
      to: 'changes-requested',
      actorName: 'Test editor',
      note: 'Bitte eine Funktion angeben.',
    },
    { from: 'changes-requested', to: 'in-review', actorName: 'Test partner', note: null },
    { from: 'in-review', to: 'approved', actorName: 'Test editor', note: null },
  ])
  // Nobody else's, and not the public's.
  expect((await historyOf(id, otherPartner.token)).body.docs).toEqual([])
  expect((await historyOf(id)).status).toBe(403)
  expect((await historyOf(id, editor.token)).body.docs).toHaveLength(4)
})

test('the history is written by the server alone: nobody creates, changes or deletes entries', async () => {
  const entry = (await historyOf(await idBySlug(payload, 'projects', 'soofi'), admin.token)).body
  expect(entry.docs).toEqual([])
  const forged = {
    documentCollection: 'projects',
    documentId: 'x',
    from: 'draft',
    to: 'approved',
  }
  for (const user of [partner, editor, admin]) {
    expect(
      (await rest('POST', '/review-history', { token: user.token, body: forged })).status,
    ).toBe(403)
  }
  const real = await payload.create({
    collection: 'review-history',
    data: { ...forged, documentCollection: 'projects' as const, from: 'draft', to: 'in-review' },
  })
  for (const user of [editor, admin]) {
    const changed = await rest('PATCH', `/review-history/${real.id}`, {
      token: user.token,
      body: { to: 'approved' },
    })
    expect(changed.status).toBe(403)
    expect((await rest('DELETE', `/review-history/${real.id}`, { token: user.token })).status).toBe(
      403,
    )
  }
})

test('the history outlives the 50 versions autosave fills, and goes with a document deleted for good', async () => {
  const project = await rest('POST', '/projects', {
    token: partner.token,
    body: { title: 'Viele Entwürfe' },
  })
  const id = (project.body.doc as { id: string }).id
  await rest('PATCH', `/projects/${id}?draft=true`, {
    token: partner.token,
    body: { review: { state: 'in-review' } },
  })
  for (let n = 0; n < 55; n++) {
    await payload.update({
      collection: 'projects',
      id,
      data: { summary: `Fassung ${n}` },
      draft: true,
      autosave: true,
    })
  }
  expect((await historyOf(id, editor.token)).body.docs).toHaveLength(1)

  await rest('PATCH', `/projects/${id}`, {
    token: editor.token,
    body: { deletedAt: new Date().toISOString() },
  })
  expect((await rest('DELETE', `/projects/${id}?trash=true`, { token: admin.token })).status).toBe(
    200,
  )
  expect(
    (await payload.count({ collection: 'review-history', where: { documentId: { equals: id } } }))
      .totalDocs,
  ).toBe(0)
})
