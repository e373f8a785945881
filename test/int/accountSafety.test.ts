import type { Payload } from 'payload'

import { rest, startPayload, stopPayload } from '../helpers/api'
import { createUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

const loginStatus = async (email: string, password: string) =>
  (await rest('POST', '/users/login', { body: { email, password } })).status

test('repeated failed logins lock the account until an admin unlocks it', async () => {
  const target = await createUser(payload, 'editor')
  for (let i = 0; i < 5; i++) expect(await loginStatus(target.email, 'wrong-password')).toBe(401)
  // Locked: even the right password is refused now, as unauthorised (not a server error).
  const locked = await rest('POST', '/users/login', {
    body: { email: target.email, password: target.password },
  })
  expect(locked.status).toBe(401)
  expect(JSON.stringify(locked.body)).toMatch(/locked|gesperrt/i)

  const editor = await createUser(payload, 'editor')
  const byEditor = await rest('POST', '/users/unlock', {
    token: editor.token,
    body: { email: target.email },
  })
  expect(byEditor.status).toBe(403)
  const admin = await createUser(payload, 'admin')
  const byAdmin = await rest('POST', '/users/unlock', {
    token: admin.token,
    body: { email: target.email },
  })
  expect(byAdmin.status).toBe(200)
  expect(await loginStatus(target.email, target.password)).toBe(200)
})

test('a token used after logout is refused', async () => {
  const user = await createUser(payload, 'editor')
  // A draft only a logged-in editor can see: what the token is worth before and after.
  const draft = await payload.create({
    collection: 'news',
    data: { title: 'Nur für die Redaktion', _status: 'draft' },
    draft: true,
  })
  const seesDraft = async () =>
    (await rest('GET', `/news?draft=true&where[id][equals]=${draft.id}`, { token: user.token }))
      .body.docs?.length === 1
  expect((await rest('GET', '/users/me', { token: user.token })).body.user).toBeTruthy()
  expect(await seesDraft()).toBe(true)
  const out = await rest('POST', '/users/logout', { token: user.token })
  expect(out.status).toBe(200)
  expect((await rest('GET', '/users/me', { token: user.token })).body.user).toBeNull()
  expect(await seesDraft()).toBe(false)
})

test('nobody raises their own role, and a partner cannot join another organization', async () => {
  const partner = await createUser(payload, 'partner', {
    organization: (await payload.find({ collection: 'organizations', limit: 1 })).docs[0]!.id,
  })
  await rest('PATCH', `/users/${partner.user.id}`, {
    token: partner.token,
    body: { role: 'admin', organization: null },
  })
  const after = await payload.findByID({ collection: 'users', id: partner.user.id, depth: 0 })
  expect(after.role).toBe('partner')
  const before = partner.user.organization
  expect(after.organization).toBe(typeof before === 'object' && before ? before.id : before)
})
