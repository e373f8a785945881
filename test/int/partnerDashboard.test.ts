/**
 * A partner's dashboard: their organization's submissions with the review state, the editors'
 * note and what to do next; nothing of other organizations.
 */
import type { Payload } from 'payload'

import { nextAction, partnerWork } from '@/cms/admin/dashboard/partnerWork'

import { rest, startPayload, stopPayload } from '../helpers/api'
import { idBySlug } from '../helpers/fixtures'
import { createUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

test('a partner sees each submission with its state, the editors’ note and the next step', async () => {
  const partner = await createUser(payload, 'partner', {
    organization: await idBySlug(payload, 'organizations', 'bmwe'),
  })
  const other = await createUser(payload, 'partner', {
    organization: await idBySlug(payload, 'organizations', 'ki-bundesverband'),
  })
  const editor = await createUser(payload, 'editor')
  const created = async (collection: string, body: Record<string, unknown>) =>
    (
      (await rest('POST', `/${collection}`, { token: partner.token, body })).body.doc as {
        id: string
      }
    ).id
  const waiting = await created('projects', { title: 'Wartet', review: { state: 'in-review' } })
  const draft = await created('people', { name: 'Entwurf Person' })
  const sentBack = await created('people', { name: 'Zurück', review: { state: 'in-review' } })
  const back = await rest('PATCH', `/people/${sentBack}?draft=true`, {
    token: editor.token,
    body: { review: { state: 'changes-requested', note: 'Bitte die Funktion ergänzen.' } },
  })
  expect(back.status).toBe(200)

  const items = await partnerWork(payload, { ...partner.user, collection: 'users' } as never)
  const byId = Object.fromEntries(items.map((item) => [item.id, item]))
  expect(byId[waiting]).toMatchObject({ collection: 'projects', state: 'in-review', note: null })
  expect(byId[draft]).toMatchObject({ collection: 'people', state: 'draft' })
  expect(byId[sentBack]).toMatchObject({
    state: 'changes-requested',
    note: 'Bitte die Funktion ergänzen.',
  })
  expect(nextAction[byId[sentBack]!.state]).toBe('portal:partnerNextRevise')
  expect(nextAction[byId[waiting]!.state]).toBe('portal:partnerNextWait')

  // Another organization's partner sees none of it.
  const theirs = await partnerWork(payload, { ...other.user, collection: 'users' } as never)
  expect(theirs.some((item) => [waiting, draft, sentBack].includes(item.id))).toBe(false)
})
