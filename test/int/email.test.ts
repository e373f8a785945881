import type { Payload } from 'payload'

import { deliveriesSettled } from '@/operations/mail/delivery'
import { outbox } from '@/operations/mail/outbox'

import { rest, startPayload, stopPayload } from '../helpers/api'
import { createUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

test('without SMTP outside production, a password reset mail is composed and kept in the log outbox', async () => {
  const editor = await createUser(payload, 'editor')
  outbox().length = 0
  const res = await rest('POST', '/users/forgot-password', { body: { email: editor.email } })
  expect(res.status).toBe(200)
  await deliveriesSettled()
  expect(outbox()).toHaveLength(1)
  const mail = outbox()[0]!
  expect(mail.to?.[0]?.address).toBe(editor.email)
  expect(mail.from?.address).toBe('portal@localhost')
  expect(mail.html ?? mail.text).toMatch(/reset-password|reset/i)
})

test('a reset for an unknown address answers the same and sends nothing', async () => {
  outbox().length = 0
  const known = await createUser(payload, 'editor')
  const forKnown = await rest('POST', '/users/forgot-password', { body: { email: known.email } })
  const forUnknown = await rest('POST', '/users/forgot-password', {
    body: { email: 'nobody@test.example' },
  })
  expect(forUnknown.status).toBe(forKnown.status)
  expect(forUnknown.body).toEqual(forKnown.body)
  await deliveriesSettled()
  expect(outbox().map((m) => m.to?.[0]?.address)).toEqual([known.email])
})

test('a second reset for the same address within the interval is refused, known or not', async () => {
  const known = await createUser(payload, 'editor')
  outbox().length = 0
  expect(
    (await rest('POST', '/users/forgot-password', { body: { email: known.email } })).status,
  ).toBe(200)
  const again = await rest('POST', '/users/forgot-password', {
    body: { email: known.email.toUpperCase() },
  })
  expect(again.status).toBe(429)
  await deliveriesSettled()
  expect(outbox()).toHaveLength(1)
  expect(
    (await rest('POST', '/users/forgot-password', { body: { email: 'ghost@test.example' } }))
      .status,
  ).toBe(200)
  expect(
    (await rest('POST', '/users/forgot-password', { body: { email: 'ghost@test.example' } }))
      .status,
  ).toBe(429)
})
