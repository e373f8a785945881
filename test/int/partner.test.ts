import type { Payload } from 'payload'

import { deliveriesSettled } from '@/operations/mail/delivery'
import { outbox } from '@/operations/mail/outbox'

import { graphql, rest, startPayload, stopPayload } from '../helpers/api'
import { idBySlug } from '../helpers/fixtures'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let orgA: string
let orgB: string
let partnerA: TestUser
let partnerB: TestUser
let editor: TestUser

beforeAll(async () => {
  payload = await startPayload()
  orgA = await idBySlug(payload, 'organizations', 'fraunhofer-iais')
  orgB = await idBySlug(payload, 'organizations', 'ki-bundesverband')
  partnerA = await createUser(payload, 'partner', { organization: orgA })
  partnerB = await createUser(payload, 'partner', { organization: orgB })
  editor = await createUser(payload, 'editor')
})
afterAll(() => stopPayload(payload))

const docOf = (res: { body: Record<string, unknown> }) =>
  res.body.doc as Record<string, unknown> & { id: string }
const ownerOf = (doc: Record<string, unknown>) =>
  typeof doc.organization === 'object' ? (doc.organization as { id: string }).id : doc.organization

describe('a partner maintains its own organization’s projects', () => {
  test('a new project belongs to the partner’s organization whatever the request says, and is a draft', async () => {
    const res = await rest('POST', '/projects', {
      token: partnerA.token,
      body: { title: 'Partnerprojekt', organization: orgB, _status: 'published' },
    })
    expect(res.status).toBe(201)
    const doc = docOf(res)
    expect(ownerOf(doc)).toBe(orgA)
    expect(doc._status).toBe('draft')
    expect((await rest('GET', `/projects/${doc.id}`)).status).toBe(404)
  })

  test('the partner reads its own drafts but not another organization’s', async () => {
    const own = docOf(
      await rest('POST', '/projects', {
        token: partnerA.token,
        body: { title: 'Eigener Entwurf' },
      }),
    )
    const foreign = docOf(
      await rest('POST', '/projects', {
        token: partnerB.token,
        body: { title: 'Fremder Entwurf' },
      }),
    )
    expect(
      (await rest('GET', `/projects/${own.id}?draft=true`, { token: partnerA.token })).status,
    ).toBe(200)
    expect(
      (await rest('GET', `/projects/${foreign.id}?draft=true`, { token: partnerA.token })).status,
    ).toBe(404)
    const list = await rest('GET', '/projects?draft=true&limit=100', { token: partnerA.token })
    const titles = (list.body.docs as { title: string }[]).map((d) => d.title)
    expect(titles).toContain('Eigener Entwurf')
    expect(titles).not.toContain('Fremder Entwurf')
    const versions = await rest('GET', '/projects/versions?limit=100', { token: partnerA.token })
    expect(versions.status).toBe(200)
    const versionOwners = new Set(
      (versions.body.docs as { version: Record<string, unknown> }[]).map((v) => ownerOf(v.version)),
    )
    expect([...versionOwners]).toEqual([orgA])
  })

  test('the partner cannot edit another organization’s project, nor move its own', async () => {
    const soofi = await idBySlug(payload, 'projects', 'soofi') // owned by Fraunhofer IAIS (org A)
    const byB = await rest('PATCH', `/projects/${soofi}`, {
      token: partnerB.token,
      body: { title: 'Übernommen' },
    })
    expect(byB.status).toBe(403)
    await rest('PATCH', `/projects/${soofi}`, {
      token: partnerA.token,
      body: { organization: orgB },
    })
    const latest = await payload.findByID({
      collection: 'projects',
      id: soofi,
      draft: true,
      depth: 0,
    })
    expect(latest.organization).toBe(orgA)
  })

  test('a partner’s change to a published project waits for an editor; the live page stays', async () => {
    const soofi = await idBySlug(payload, 'projects', 'soofi')
    const res = await rest('PATCH', `/projects/${soofi}`, {
      token: partnerA.token,
      body: { title: 'SOOFI – neuer Titel vom Partner', _status: 'published' },
    })
    expect(res.status).toBe(200)
    const live = await rest('GET', `/projects/${soofi}`)
    expect(live.body.title).toMatch(/^SOOFI – Sovereign/)
    const gql = await graphql<{ Project: { title: string } }>(
      `
        query ($id: String!) {
          Project(id: $id, draft: true) {
            title
          }
        }
      `,
      { id: soofi },
    )
    expect(gql.data?.Project.title).toMatch(/^SOOFI – Sovereign/)
    const draft = await rest('GET', `/projects/${soofi}?draft=true`, { token: partnerA.token })
    expect(draft.body.title).toBe('SOOFI – neuer Titel vom Partner')
  })

  test('people of the partner’s organization are drafts editors publish; media are owned too', async () => {
    const person = docOf(
      await rest('POST', '/people', {
        token: partnerA.token,
        body: { name: 'Neue Kollegin', organization: orgB, _status: 'published' },
      }),
    )
    expect(ownerOf(person)).toBe(orgA)
    expect(person._status).toBe('draft')
    const published = await rest('PATCH', `/people/${person.id}`, {
      token: editor.token,
      body: { _status: 'published' },
    })
    expect(docOf(published)._status).toBe('published')

    const form = new FormData()
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    )
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'partner-logo.png')
    form.append('_payload', JSON.stringify({ alt: 'Logo', organization: orgB }))
    const media = await rest('POST', '/media', { token: partnerA.token, body: form })
    expect(media.status).toBe(201)
    expect(ownerOf(docOf(media))).toBe(orgA)
    expect(
      (await rest('DELETE', `/media/${docOf(media).id}`, { token: partnerB.token })).status,
    ).toBe(403)
    expect(
      (await rest('DELETE', `/media/${docOf(media).id}`, { token: partnerA.token })).status,
    ).toBe(200)
  })

  test('the partner reads its own organization profile, drafts included, and changes nothing there', async () => {
    await payload.update({
      collection: 'organizations',
      id: orgA,
      data: { shortName: 'IAIS (Entwurf)' },
      draft: true,
    })
    const own = await rest('GET', `/organizations/${orgA}?draft=true`, { token: partnerA.token })
    expect(own.body.shortName).toBe('IAIS (Entwurf)')
    const foreign = await rest('GET', `/organizations/${orgA}?draft=true`, {
      token: partnerB.token,
    })
    expect(foreign.body.shortName).toBe('Fraunhofer IAIS')
    expect(
      (
        await rest('PATCH', `/organizations/${orgA}`, {
          token: partnerA.token,
          body: { name: 'X' },
        })
      ).status,
    ).toBe(403)
  })

  test('partners cannot read other users', async () => {
    const list = await rest('GET', '/users', { token: partnerA.token })
    expect((list.body.docs as { id: string }[]).map((u) => u.id)).toEqual([partnerA.user.id])
    expect((await rest('GET', `/users/${editor.user.id}`, { token: partnerA.token })).status).toBe(
      404,
    )
  })
})

test('a partner links its project to principles, partner organizations and people', async () => {
  const principle = await idBySlug(payload, 'principles', 'offener-austausch')
  const person = await idBySlug(payload, 'people', 'nicolas-flores-herr')
  const res = await rest('POST', '/projects', {
    token: partnerA.token,
    body: { title: 'Verknüpft', principles: [principle], partners: [orgB], people: [person] },
  })
  expect(res.status).toBe(201)
  const doc = docOf(res) as unknown as { principles: { id: string }[]; partners: { id: string }[] }
  expect(doc.principles.map((p) => p.id)).toEqual([principle])
  expect(doc.partners.map((p) => p.id)).toEqual([orgB])
})

describe('the review workflow', () => {
  test('submit → editors e-mailed → changes requested with a note → partner e-mailed → approve publishes', async () => {
    const project = docOf(
      await rest('POST', '/projects', { token: partnerA.token, body: { title: 'Zur Prüfung' } }),
    )
    outbox().length = 0

    const submitted = await rest('PATCH', `/projects/${project.id}`, {
      token: partnerA.token,
      body: { review: { state: 'in-review', submittedBy: editor.user.id } },
    })
    expect(submitted.status).toBe(200)
    const afterSubmit = await payload.findByID({
      collection: 'projects',
      id: project.id,
      draft: true,
      depth: 0,
    })
    expect(afterSubmit.review?.state).toBe('in-review')
    expect(afterSubmit.review?.submittedBy).toBe(partnerA.user.id)
    expect(afterSubmit.review?.submittedAt).toBeTruthy()
    // Mail is sent after the commit, in each recipient's language (German unless they chose).
    await deliveriesSettled()
    expect(
      outbox().some(
        (m) => m.to?.[0]?.address === editor.email && m.subject === 'Zur Prüfung: Zur Prüfung',
      ),
    ).toBe(true)

    const noNote = await rest('PATCH', `/projects/${project.id}`, {
      token: editor.token,
      body: { review: { state: 'changes-requested' } },
    })
    expect(noNote.status).toBe(400)
    outbox().length = 0
    const sentBack = await rest('PATCH', `/projects/${project.id}?draft=true`, {
      token: editor.token,
      body: { review: { state: 'changes-requested', note: 'Bitte Förderkennzeichen ergänzen.' } },
    })
    expect(sentBack.status).toBe(200)
    await deliveriesSettled()
    expect(outbox().map((m) => m.to?.[0]?.address)).toEqual([partnerA.email])
    expect(outbox()[0]?.text).toContain('Förderkennzeichen')

    // The partner sees the note; the public sees neither the project nor the review.
    const partnerView = await rest('GET', `/projects/${project.id}?draft=true`, {
      token: partnerA.token,
    })
    expect((partnerView.body.review as { note: string }).note).toBe(
      'Bitte Förderkennzeichen ergänzen.',
    )

    const approved = await rest('PATCH', `/projects/${project.id}`, {
      token: editor.token,
      body: { _status: 'published' },
    })
    expect(approved.status).toBe(200)
    const live = await rest('GET', `/projects/${project.id}`)
    expect(live.status).toBe(200)
    expect(live.body).not.toHaveProperty('review')
    const final = await payload.findByID({ collection: 'projects', id: project.id, depth: 0 })
    expect(final.review?.state).toBe('approved')
    expect(final.review?.reviewedBy).toBe(editor.user.id)
  })

  test('a partner cannot approve, request changes or write the note by crafting a request', async () => {
    const project = docOf(
      await rest('POST', '/projects', { token: partnerA.token, body: { title: 'Trickversuch' } }),
    )
    const approve = await rest('PATCH', `/projects/${project.id}`, {
      token: partnerA.token,
      body: { review: { state: 'approved' }, _status: 'published' },
    })
    expect(approve.status).toBe(403)
    // The refusal speaks the request's language: German unless the client asks for English.
    expect(JSON.stringify(approve.body)).toContain('Nur die Redaktion gibt frei')
    const gql = await graphql(
      `
        mutation ($id: String!) {
          updateProject(id: $id, data: { review: { state: approved } }) {
            id
          }
        }
      `,
      { id: project.id },
      { token: partnerA.token, headers: { 'Accept-Language': 'en' } },
    )
    expect(gql.errors?.[0]?.message).toBe('Only editors approve or request changes.')
    await rest('PATCH', `/projects/${project.id}`, {
      token: partnerA.token,
      body: { review: { note: 'Selbst genehmigt' } },
    })
    const latest = await payload.findByID({
      collection: 'projects',
      id: project.id,
      draft: true,
      depth: 0,
    })
    expect(latest.review?.state).toBe('draft')
    expect(latest.review?.note ?? null).toBeNull()
    expect(latest._status).toBe('draft')
  })
})
