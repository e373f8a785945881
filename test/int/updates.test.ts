/**
 * E-mail updates end to end, with mail received by a real SMTP server: subscribing with double
 * opt-in, signers who asked for updates, an editor's test and send in each subscriber's language,
 * the list headers and the one-click unsubscribe (a POST without cookies), withdrawal, and what
 * the forms reveal.
 */
import type { Payload } from 'payload'

import { deliveriesSettled } from '@/operations/mail/delivery'

import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtpSink'
import type { TestUser } from '../helpers/users'

type Api = typeof import('../helpers/api')
type RestRoute = typeof import('../../src/app/(payload)/api/[...slug]/route')
type Helpers = typeof import('../helpers/signatures')

let sink: SmtpSink
let api: Api
let h: Helpers
let payload: Payload
let editor: TestUser
let partner: TestUser
// Imported once the sink's settings are in the environment: the config reads them on load.
let restRoute: RestRoute

beforeAll(async () => {
  sink = await startSmtpSink()
  Object.assign(process.env, sink.env, { UPDATES_MAILS_PER_SECOND: '0' })
  api = await import('../helpers/api')
  restRoute = await import('../../src/app/(payload)/api/[...slug]/route')
  h = await import('../helpers/signatures')
  payload = await api.startPayload()
  const { createUser } = await import('../helpers/users')
  const { idBySlug } = await import('../helpers/fixtures')
  editor = await createUser(payload, 'editor')
  partner = await createUser(payload, 'partner', {
    organization: await idBySlug(payload, 'organizations', 'bmwe'),
  })
})
afterAll(async () => {
  await deliveriesSettled()
  await api?.stopPayload(payload)
  await sink?.close()
})

let clients = 0
/** A request to /api/subscribers/… as a browser without JavaScript sends it, from its own address. */
async function post(
  action: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; location: string | null; body: Record<string, unknown> | null }> {
  clients += 1
  const request = new Request(`http://localhost:3000/api/subscribers/${action}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'x-portal-client-address': `198.51.100.${clients % 250}`,
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  })
  const path = new URL(request.url).pathname.replace(/^\/api\//, '').split('/')
  const response = await restRoute.POST(request, { params: Promise.resolve({ slug: path }) })
  const text = await response.text()
  return {
    status: response.status,
    location: response.headers.get('location'),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  }
}

let addresses = 0
const newAddress = (who: string) => `${who}-${Date.now().toString(36)}-${++addresses}@example.org`

const mailTo = (address: string, subject?: RegExp) => (mail: ReceivedMail) =>
  mail.to.includes(address) && (!subject || subject.test(mail.subject))

const received = (address: string, subject?: RegExp) =>
  sink.received.filter(mailTo(address, subject))

const tokenOf = (text: string, path: string) => {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_.-]+)`).exec(text)
  if (!match) throw new Error(`no ${path} link in:\n${text}`)
  return match[1]!
}

const subscriberRow = async (email: string) =>
  (
    await payload.find({
      collection: 'subscribers',
      where: { email: { equals: email } },
      overrideAccess: true,
    })
  ).docs[0]

/** Subscribes with the form and confirms with the mail's link; the confirmed address. */
async function subscribed(locale: 'de' | 'en', who = 'reader'): Promise<string> {
  const email = newAddress(who)
  const res = await post('subscribe', { email, locale })
  expect(res.location).toBe(`/${locale}/updates/subscribe?result=sent`)
  const mail = await sink.waitFor(mailTo(email))
  const confirmed = await post('confirm', { token: tokenOf(mail.text, '/updates/confirm'), locale })
  expect(confirmed.location).toBe(`/${locale}/updates/confirm?result=subscribed`)
  return email
}

/** A signer, confirmed, with or without consent to updates; their address. */
async function signer(consent: boolean, locale: 'de' | 'en'): Promise<string> {
  const fields = h.signerFields({ locale, ...(consent ? { consentToUpdates: 'on' } : {}) })
  const form = await h.solvedForm(payload, Date.now() - 10_000)
  expect((await h.postForm('sign', { ...fields, ...form })).status).toBe(303)
  const mail = await sink.waitFor(mailTo(fields.email!))
  await h.postForm('confirm', { token: h.tokenIn(mail.text, 'confirm'), locale })
  return fields.email!
}

/** An editor writes an update in both languages and sends it now, as in the admin; its id once sent. */
async function sendUpdate(subject: string): Promise<string> {
  const created = await api.rest('POST', '/updates?locale=de', {
    token: editor.token,
    body: { subject: `${subject} (de)`, body: `Erster Absatz.\n\nZweiter Absatz zu ${subject}.` },
  })
  expect(created.status).toBe(201)
  const id = String((created.body.doc as { id: string }).id)
  const english = await api.rest('PATCH', `/updates/${id}?locale=en`, {
    token: editor.token,
    body: {
      subject: `${subject} (en)`,
      body: `First paragraph.\n\nSecond paragraph on ${subject}.`,
    },
  })
  expect(english.status).toBe(200)
  const sending = await api.rest('PATCH', `/updates/${id}`, {
    token: editor.token,
    body: { status: 'sending' },
  })
  expect(sending.status).toBe(200)
  await deliveriesSettled()
  const done = await payload.findByID({ collection: 'updates', id, overrideAccess: true })
  expect(done.status).toBe('sent')
  return id
}

test('subscribe → confirm → update in the subscriber’s language with list headers → one-click unsubscribe without cookies → no further mail', async () => {
  const pending = newAddress('pending')
  await post('subscribe', { email: pending, locale: 'de' })
  const english = await subscribed('en', 'english')
  const german = await subscribed('de', 'german')
  expect((await subscriberRow(english))?.status).toBe('active')

  await sendUpdate('Workshop Berlin')
  const mail = await sink.waitFor(mailTo(english, /Workshop Berlin/))
  expect(mail.subject).toBe('Workshop Berlin (en)')
  expect(mail.language).toBe('en')
  expect(mail.text).toContain('Second paragraph on Workshop Berlin.')
  expect(mail.html).not.toMatch(/<img|https?:\/\/(?!localhost)[^"]*\.(png|gif|jpg)/)
  expect((await sink.waitFor(mailTo(german, /Workshop Berlin/))).subject).toBe(
    'Workshop Berlin (de)',
  )
  // Never confirmed: nothing but the confirmation mail.
  expect(received(pending).map((m) => m.subject)).toEqual(['Bitte bestätigen Sie Ihr Abonnement'])

  const listUnsubscribe = mail.headers['list-unsubscribe']!
  expect(listUnsubscribe).toMatch(
    /^<https?:\/\/[^>]+\/api\/subscribers\/unsubscribe\?token=[^>]+>, <mailto:[^>]+>$/,
  )
  expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click')
  const oneClick = new URL(/<(https?:[^>]+)>/.exec(listUnsubscribe)![1]!)
  // The link in the mail opens a page with a button; the header's URL takes a POST alone.
  expect(mail.text).toContain('/en/updates/unsubscribe?token=')

  // As a mailbox provider sends it (RFC 8058): no cookie, no login, the token in the URL.
  const gone = await post(`unsubscribe${oneClick.search}`, { 'List-Unsubscribe': 'One-Click' })
  expect(gone.status).toBe(200)
  expect(gone.body).toEqual({ outcome: 'unsubscribed' })
  expect(await subscriberRow(english)).toBeUndefined()
  // Sent twice (providers retry): still fine.
  expect(
    (await post(`unsubscribe${oneClick.search}`, { 'List-Unsubscribe': 'One-Click' })).status,
  ).toBe(200)

  await sendUpdate('Second update')
  await sink.waitFor(mailTo(german, /Second update/))
  expect(received(english, /Second update/)).toHaveLength(0)
  // No copy of the unsubscribed address is left in the mail queue.
  const left = await payload.find({
    collection: 'mail-queue',
    where: { to: { equals: english } },
    overrideAccess: true,
  })
  expect(left.docs).toHaveLength(0)
})

test('a signer who asked for updates receives them in their language; one who did not never does; withdrawing ends it', async () => {
  const withConsent = await signer(true, 'en')
  const without = await signer(false, 'de')
  expect((await subscriberRow(withConsent))?.source).toBe('signature')
  expect(await subscriberRow(without)).toBeUndefined()

  await sendUpdate('Signers news')
  expect((await sink.waitFor(mailTo(withConsent, /Signers news/))).subject).toBe(
    'Signers news (en)',
  )
  expect(received(without, /Signers news/)).toHaveLength(0)

  // Withdrawing the signature ends the subscription at once.
  const confirmation = received(withConsent, /confirm your signature/i)[0]!
  await h.postForm('withdraw', { token: h.tokenIn(confirmation.text, 'withdraw'), locale: 'en' })
  expect(await subscriberRow(withConsent)).toBeUndefined()
  await sendUpdate('After withdrawal')
  expect(received(withConsent, /After withdrawal/)).toHaveLength(0)
})

test('unsubscribing a signer keeps the signature but ends its consent', async () => {
  const email = await signer(true, 'de')
  await sendUpdate('Consent check')
  const mail = await sink.waitFor(mailTo(email, /Consent check/))
  const token = tokenOf(mail.text, '/updates/unsubscribe')
  const res = await post('unsubscribe', { token, locale: 'de' })
  expect(res.location).toBe('/de/updates/unsubscribe?result=unsubscribed')
  const { docs } = await payload.find({
    collection: 'signatories',
    where: { email: { equals: email } },
    overrideAccess: true,
  })
  expect(docs[0]?.status).toBe('approved')
  expect(docs[0]?.consentToUpdates).toBe(false)
})

test('the form reveals nothing: a subscribed, a pending and a new address get the same answer, and a subscribed one no mail', async () => {
  const active = await subscribed('de', 'again')
  const before = received(active).length
  const fresh = newAddress('fresh')
  const answers = await Promise.all(
    [active, fresh].map(async (email) => {
      const res = await post('subscribe', { email, locale: 'de' }, { Accept: 'application/json' })
      return { status: res.status, body: res.body }
    }),
  )
  expect(answers[0]).toEqual(answers[1])
  expect(answers[0]).toEqual({ status: 200, body: { accepted: true } })
  await deliveriesSettled()
  expect(received(active)).toHaveLength(before)
  // Bad input: a clear 400, nothing recorded.
  const bad = await post(
    'subscribe',
    { email: 'not an address', locale: 'de' },
    { Accept: 'application/json' },
  )
  expect(bad.status).toBe(400)
  const noForm = await restRoute.POST(
    new Request('http://localhost:3000/api/subscribers/subscribe', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"email":1}',
    }),
    { params: Promise.resolve({ slug: ['subscribers', 'subscribe'] }) },
  )
  expect(noForm.status).toBe(400)
})

test('without proof of work an address meets a smaller limit; with the form’s proof it does not', async () => {
  const headers = { Accept: 'application/json', 'x-portal-client-address': '203.0.113.77' }
  const statuses: number[] = []
  for (let i = 0; i < 11; i++) {
    statuses.push(
      (await post('subscribe', { email: newAddress('office'), locale: 'de' }, headers)).status,
    )
  }
  expect(statuses.slice(0, 10).every((status) => status === 200)).toBe(true)
  expect(statuses[10]).toBe(429)
  const form = await h.solvedForm(payload)
  const proved = await post(
    'subscribe',
    { email: newAddress('office'), locale: 'de', formToken: form.formToken, altcha: form.altcha },
    headers,
  )
  expect(proved.status).toBe(200)
})

test('GraphQL: subscribe and confirm from any frontend', async () => {
  const email = newAddress('graphql')
  const res = await api.graphql<{ subscribeToUpdates: { accepted: boolean } }>(
    'mutation($email: String!) { subscribeToUpdates(email: $email, locale: "en") { accepted } }',
    { email },
  )
  expect(res.data?.subscribeToUpdates.accepted).toBe(true)
  const mail = await sink.waitFor(mailTo(email))
  expect(mail.subject).toBe('Please confirm your subscription')
  const confirmed = await api.graphql<{ confirmSubscription: string }>(
    'mutation($token: String!) { confirmSubscription(token: $token) }',
    { token: tokenOf(mail.text, '/updates/confirm') },
  )
  expect(confirmed.data?.confirmSubscription).toBe('SUBSCRIBED')
  expect((await subscriberRow(email))?.status).toBe('active')
})

test('an editor previews and sends a test to themselves; a partner can do neither', async () => {
  const created = await api.rest('POST', '/updates', {
    token: editor.token,
    body: { subject: 'Probe', body: 'Nur ein Test.' },
  })
  const id = String((created.body.doc as { id: string }).id)
  const preview = await restRoute.GET(
    new Request(`http://localhost:3000/api/updates/${id}/preview?locale=en`, {
      headers: { Authorization: `JWT ${editor.token}` },
    }),
    { params: Promise.resolve({ slug: ['updates', id, 'preview'] }) },
  )
  expect(preview.status).toBe(200)
  // No English text yet: the German one, as an English subscriber would get it.
  expect(await preview.text()).toContain('Nur ein Test.')
  const refused = await restRoute.GET(
    new Request(`http://localhost:3000/api/updates/${id}/preview?locale=de`, {
      headers: { Authorization: `JWT ${partner.token}` },
    }),
    { params: Promise.resolve({ slug: ['updates', id, 'preview'] }) },
  )
  expect(refused.status).toBe(403)

  const test = await api.rest('PATCH', `/updates/${id}`, {
    token: editor.token,
    body: { sendTest: true },
  })
  expect(test.status).toBe(200)
  expect((test.body.doc as { sendTest: boolean }).sendTest).toBe(false)
  const tests = await Promise.all([
    sink.waitFor(mailTo(editor.email, /^\[Test\] Probe$/)),
    sink.waitFor(
      (m) => m.to.includes(editor.email) && m.language === 'en' && m.subject === '[Test] Probe',
    ),
  ])
  expect(tests[0].text).toContain('Nur ein Test.')
  const partnerWrite = await api.rest('PATCH', `/updates/${id}`, {
    token: partner.token,
    body: { status: 'sending' },
  })
  expect(partnerWrite.status).toBe(403)
  // Once sent, nobody changes it.
  await api.rest('PATCH', `/updates/${id}`, { token: editor.token, body: { status: 'sending' } })
  await deliveriesSettled()
  const after = await api.rest('PATCH', `/updates/${id}`, {
    token: editor.token,
    body: { subject: 'Changed' },
  })
  expect(after.status).toBe(400)
})

test('a scheduled update waits for its time; scheduling for the past is refused', async () => {
  const created = await api.rest('POST', '/updates', {
    token: editor.token,
    body: { subject: 'Später', body: 'Text.' },
  })
  const id = String((created.body.doc as { id: string }).id)
  const past = await api.rest('PATCH', `/updates/${id}`, {
    token: editor.token,
    body: { status: 'scheduled', sendAt: new Date(Date.now() - 60_000).toISOString() },
  })
  expect(past.status).toBe(400)
  const later = await api.rest('PATCH', `/updates/${id}`, {
    token: editor.token,
    body: { status: 'scheduled', sendAt: new Date(Date.now() + 3_600_000).toISOString() },
  })
  expect(later.status).toBe(200)
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ queue: { equals: 'updates' } }, { 'input.update': { equals: id } }] },
    overrideAccess: true,
  })
  expect(jobs.docs).toHaveLength(1)
  expect(Date.parse(String(jobs.docs[0]!.waitUntil))).toBeGreaterThan(Date.now() + 3_500_000)
})

test('an unconfirmed subscription expires: its link says so and the purge deletes the address', async () => {
  const email = newAddress('late')
  await post('subscribe', { email, locale: 'en' })
  const mail = await sink.waitFor(mailTo(email))
  const row = await subscriberRow(email)
  await payload.update({
    collection: 'subscribers',
    id: row!.id,
    data: { confirmExpiresAt: new Date(Date.now() - 1000).toISOString() },
    overrideAccess: true,
  })
  const late = await post('confirm', {
    token: tokenOf(mail.text, '/updates/confirm'),
    locale: 'en',
  })
  expect(late.location).toBe('/en/updates/confirm?result=expired')
  const { purgeExpiredSignatures } = await import('@/cms/signatures/purge')
  expect((await purgeExpiredSignatures(payload)).subscriptions).toBeGreaterThanOrEqual(1)
  expect(await subscriberRow(email)).toBeUndefined()
})

test('an update is sent only with a German text; a new time queues a job for it; a cleared time is refused', async () => {
  const english = await api.rest('POST', '/updates?locale=en', {
    token: editor.token,
    body: { subject: 'Only English', body: 'No German text.' },
  })
  const englishId = String((english.body.doc as { id: string }).id)
  const refused = await api.rest('PATCH', `/updates/${englishId}?locale=en`, {
    token: editor.token,
    body: { status: 'sending' },
  })
  expect(refused.status).toBe(400)

  const created = await api.rest('POST', '/updates', {
    token: editor.token,
    body: { subject: 'Verschoben', body: 'Text.' },
  })
  const id = String((created.body.doc as { id: string }).id)
  const at = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()
  const patch = (body: Record<string, unknown>) =>
    api.rest('PATCH', `/updates/${id}`, { token: editor.token, body })
  expect((await patch({ status: 'scheduled', sendAt: at(1) })).status).toBe(200)
  expect((await patch({ sendAt: at(2) })).status).toBe(200)
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: { and: [{ queue: { equals: 'updates' } }, { 'input.update': { equals: id } }] },
    overrideAccess: true,
  })
  const times = jobs.docs.map((job) => Date.parse(String(job.waitUntil))).sort()
  expect(times).toHaveLength(2)
  expect(times[1]).toBeGreaterThan(Date.now() + 7_000_000)
  expect((await patch({ sendAt: null })).status).toBe(400)
})

test('two runs of one update at once send each subscriber one mail', async () => {
  const email = await subscribed('de', 'twice')
  const created = await api.rest('POST', '/updates', {
    token: editor.token,
    body: { subject: 'Nur einmal', body: 'Text.' },
  })
  const id = String((created.body.doc as { id: string }).id)
  const { sendUpdate } = await import('@/cms/updates/sendUpdate')
  await api.rest('PATCH', `/updates/${id}`, { token: editor.token, body: { status: 'sending' } })
  // A second job for the same update (rescheduled, or claimed twice) while the first runs.
  await Promise.all([sendUpdate(payload, id), sendUpdate(payload, id)])
  await deliveriesSettled()
  expect(received(email, /Nur einmal/)).toHaveLength(1)
})

test('a deleted update leaves no mail waiting in the queue', async () => {
  const created = await api.rest('POST', '/updates', {
    token: editor.token,
    body: { subject: 'Gelöscht', body: 'Text.' },
  })
  const id = String((created.body.doc as { id: string }).id)
  // As recording leaves it: a mail waiting for this update.
  await payload.db.create({
    collection: 'mail-queue',
    data: {
      to: 'waiting@example.org',
      subject: 'Gelöscht',
      kind: 'update',
      language: 'de',
      update: id,
      subscriber: 'x',
      status: 'queued',
      attempts: 0,
    },
  })
  expect((await api.rest('DELETE', `/updates/${id}`, { token: editor.token })).status).toBe(200)
  const left = await payload.find({
    collection: 'mail-queue',
    where: { update: { equals: id } },
    overrideAccess: true,
  })
  expect(left.docs).toHaveLength(0)
})
