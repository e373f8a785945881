/**
 * Outgoing webhooks: a delivery per subscribed public change, signed as Standard Webhooks says
 * (checked with the `standardwebhooks` package), recorded with the change and sent after its
 * commit, retried after a 500 and a timeout, never sent for a rollback, refused for a private
 * address (the DNS answer is stubbed: no connection into a private network is ever opened), and
 * paused when an endpoint keeps failing. Signature-count changes are coalesced.
 */
import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals, type Payload } from 'payload'
import { Webhook as Verifier } from 'standardwebhooks'

import type { WebhookDelivery } from '@/payload-types'

import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhookReceiver'
import type { TestUser } from '../helpers/users'
import { rolledBack } from '../helpers/rollback'

type Api = typeof import('../helpers/api')

// Read when the config is first imported: loopback is where the test receiver listens. The
// timeout leaves room for a Jest worker's pause under the full suite's load (a 1 s bound once
// turned a delivery that should arrive into a retry); only the timeout test waits for it.
Object.assign(process.env, {
  WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8',
  WEBHOOK_TIMEOUT_MS: '3000',
  WEBHOOK_PAUSE_AFTER_FAILURES: '2',
  WEBHOOK_COUNT_INTERVAL_SECONDS: '60',
})

let api: Api
let payload: Payload
let receiver: WebhookReceiver
let admin: TestUser
let editor: TestUser
let settled: () => Promise<void>
let resolver: typeof import('@/operations/webhooks/receiverAddress').webhookResolver

beforeAll(async () => {
  receiver = await startWebhookReceiver()
  api = await import('../helpers/api')
  const { createUser } = await import('../helpers/users')
  ;({ deliveriesSettled: settled } = await import('@/operations/mail/delivery'))
  ;({ webhookResolver: resolver } = await import('@/operations/webhooks/receiverAddress'))
  payload = await api.startPayload()
  // This file plays the once-a-minute cron itself.
  _internal_jobSystemGlobals.shouldAutoRun = false
  admin = await createUser(payload, 'admin', { name: 'Ada Admin', language: 'en' })
  editor = await createUser(payload, 'editor')
})
afterEach(async () => {
  await settled()
  resolver.set(undefined)
  await payload.update({ collection: 'webhooks', where: {}, data: { status: 'off' } })
})
afterAll(async () => {
  _internal_resetJobSystemGlobals()
  await settled()
  await api?.stopPayload(payload)
  await receiver?.close()
})

let clockOffset = 0
/** Lets a day pass for the job queue (every backoff is shorter), then does what the cron does. */
async function cronTickLater(): Promise<void> {
  clockOffset += 24 * 60 * 60 * 1000
  _internal_jobSystemGlobals.getCurrentDate = () => new Date(Date.now() + clockOffset)
  await payload.jobs.run({ queue: 'webhooks', limit: 20, silent: true })
  await settled()
}

let endpoints = 0
/** An endpoint made by an admin over REST, as in the admin panel; its secret comes back. */
async function endpoint(
  events: string[],
  options: { sources?: string[]; url?: string } = {},
): Promise<{ id: string; secret: string; path: string }> {
  const path = `/hook-${++endpoints}`
  const res = await api.rest('POST', '/webhooks', {
    token: admin.token,
    body: {
      name: `Frontend ${endpoints}`,
      url: options.url ?? receiver.url(path),
      events,
      sources: options.sources,
    },
  })
  expect(res.status).toBe(201)
  const doc = res.body.doc as { id: string; secret: string }
  expect(doc.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
  return { id: doc.id, secret: doc.secret, path }
}

const arrivedAt = (path: string) => receiver.received.filter((hook) => hook.path === path)

async function deliveriesOf(id: string): Promise<WebhookDelivery[]> {
  const { docs } = await payload.find({
    collection: 'webhook-deliveries',
    where: { endpoint: { equals: id } },
    sort: 'createdAt',
    limit: 100,
    depth: 0,
  })
  return docs
}

let unique = 0
const publishNews = (title = `Webhook-Meldung ${++unique}`) =>
  payload.create({ collection: 'news', data: { title, _status: 'published' }, depth: 0 })

test('a publish reaches the receiver once, signed so that the Standard Webhooks library verifies it, naming what changed, its tags and pages', async () => {
  const hook = await endpoint(['publish'], { sources: ['news'] })
  const news = await publishNews('Neue Welle startet')
  await settled()

  const [arrived, ...more] = arrivedAt(hook.path)
  expect(more).toHaveLength(0)
  const message = new Verifier(hook.secret).verify(arrived!.body, arrived!.headers) as Record<
    string,
    unknown
  >
  expect(message).toMatchObject({
    type: 'content.publish',
    data: {
      operation: 'publish',
      collection: 'news',
      id: String(news.id),
      slug: news.slug,
      locales: ['de', 'en'],
      public: { before: false, after: true },
      tags: ['c:news', `d:news:${news.id}`, 'any'],
    },
  })
  const { paths } = (message as { data: { paths: string[] } }).data
  expect(paths).toEqual(
    expect.arrayContaining([`/de/news/${news.slug}`, `/en/news/${news.slug}`, '/de/news', '/de']),
  )
  // A forged or altered message fails the same check.
  expect(() =>
    new Verifier(hook.secret).verify(arrived!.body.replace('publish', 'update'), arrived!.headers),
  ).toThrow()

  const [delivery] = await deliveriesOf(hook.id)
  expect(delivery).toMatchObject({
    status: 'sent',
    attempts: 1,
    lastStatusCode: 204,
    event: 'publish',
  })
  expect(delivery!.messageId).toBe(arrived!.headers['webhook-id'])
})

test('only what the public sees: a draft saved over a published item sends nothing; a published change, unpublishing, trash, restore and delete each send their event', async () => {
  const hook = await endpoint(['publish', 'update', 'unpublish', 'trash', 'restore', 'delete'])
  const news = await publishNews()
  const id = news.id
  await payload.update({ collection: 'news', id, draft: true, data: { title: 'Nur ein Entwurf' } })
  await payload.update({
    collection: 'news',
    id,
    data: { title: 'Geändert und veröffentlicht', _status: 'published' },
  })
  await payload.update({ collection: 'news', id, data: { _status: 'draft' } })
  await payload.update({ collection: 'news', id, data: { deletedAt: new Date().toISOString() } })
  await payload.update({ collection: 'news', id, trash: true, data: { deletedAt: null } })
  await payload.delete({ collection: 'news', id, trash: true })
  await settled()

  const types = arrivedAt(hook.path).map(
    (hookCall) => (JSON.parse(hookCall.body) as { type: string }).type,
  )
  // A delivery that did not arrive says why (its state and last error) in the failure.
  if (types.length !== 6) expect(await deliveriesOf(hook.id)).toEqual([])
  expect(types).toEqual([
    'content.publish',
    'content.update',
    'content.unpublish',
    'content.trash',
    'content.restore',
    'content.delete',
  ])
  // A real delete may change other collections' rows: its tags purge every answer.
  const deleted = JSON.parse(arrivedAt(hook.path).at(-1)!.body) as { data: { tags: string[] } }
  expect(deleted.data.tags).toEqual(['c:news', `d:news:${id}`, 'any', 'all'])
  // An endpoint hears only of the collections it chose.
  const projectsOnly = await endpoint(['publish'], { sources: ['projects'] })
  await publishNews()
  await settled()
  expect(arrivedAt(projectsOnly.path)).toHaveLength(0)
})

test('a global’s published change is an update of the global', async () => {
  const hook = await endpoint(['update'], { sources: ['site'] })
  const site = await payload.findGlobal({ slug: 'site', depth: 0 })
  await payload.updateGlobal({ slug: 'site', data: { tagline: `${site.tagline ?? ''} – neu` } })
  await settled()
  const [arrived] = arrivedAt(hook.path)
  expect(JSON.parse(arrived!.body)).toMatchObject({
    type: 'content.update',
    data: { global: 'site', tags: ['g:site', 'any'] },
  })
})

test('a change that rolls back records and sends nothing', async () => {
  const hook = await endpoint(['publish'])
  await rolledBack(payload, (req) =>
    payload.create({
      collection: 'news',
      data: { title: 'Zurückgerollt', _status: 'published' },
      req,
    }),
  )
  await settled()
  expect(await deliveriesOf(hook.id)).toHaveLength(0)
  expect(arrivedAt(hook.path)).toHaveLength(0)
})

test('a receiver’s 500 and a timeout are retried with backoff; every attempt carries the same message id and body', async () => {
  const hook = await endpoint(['publish'])
  receiver.answer(500, 'hang')
  await publishNews()
  await settled()
  let [delivery] = await deliveriesOf(hook.id)
  expect(delivery).toMatchObject({ status: 'queued', attempts: 1, lastStatusCode: 500 })
  expect(delivery!.lastError).toContain('the receiver answered 500')

  await cronTickLater()
  ;[delivery] = await deliveriesOf(hook.id)
  expect(delivery).toMatchObject({ status: 'queued', attempts: 2 })
  expect(delivery!.lastError).toBe('no answer within 3000 ms')

  await cronTickLater()
  ;[delivery] = await deliveriesOf(hook.id)
  expect(delivery).toMatchObject({ status: 'sent', attempts: 3, lastStatusCode: 204 })
  const attempts = arrivedAt(hook.path)
  expect(attempts).toHaveLength(3)
  expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1)
  expect(new Set(attempts.map((a) => a.body)).size).toBe(1)
  for (const attempt of attempts) new Verifier(hook.secret).verify(attempt.body, attempt.headers)
})

test('a private address is refused after resolving, without a connection; an endpoint that keeps failing is paused and every admin is told', async () => {
  // The name resolves to a private address now (DNS rebinding would do the same after a check).
  resolver.set(async () => [{ address: '10.20.30.40', family: 4 }])
  const hook = await endpoint(['publish'], { url: 'https://frontend.example.org/hook' })
  const before = receiver.received.length
  await publishNews()
  await settled()
  const [first] = await deliveriesOf(hook.id)
  expect(first).toMatchObject({ status: 'failed', attempts: 1 })
  expect(first!.lastError).toContain('resolves to 10.20.30.40, a private address: refused')

  await publishNews()
  await settled()
  const paused = await payload.findByID({ collection: 'webhooks', id: hook.id, depth: 0 })
  expect(paused).toMatchObject({ status: 'paused', consecutiveFailures: 2 })
  const told = await payload.find({
    collection: 'mail-queue',
    where: { and: [{ kind: { equals: 'webhook-paused' } }, { to: { equals: admin.email } }] },
    depth: 0,
  })
  expect(told.docs.map((mail) => mail.subject)).toEqual([`Webhook paused: ${paused.name}`])

  // A paused endpoint gets nothing more recorded, and nothing reached any receiver.
  await publishNews()
  await settled()
  expect(await deliveriesOf(hook.id)).toHaveLength(2)
  expect(receiver.received.length).toBe(before)
})

test('an admin sends a failed delivery again: the same message, delivered', async () => {
  resolver.set(async () => [{ address: '192.168.1.10', family: 4 }])
  const hook = await endpoint(['publish'], {
    url: `http://receiver.example:${new URL(receiver.url()).port}/again`,
  })
  await publishNews()
  await settled()
  const [failed] = await deliveriesOf(hook.id)
  expect(failed!.status).toBe('failed')

  // The name now points at the (allowed) receiver; the admin sends it again.
  resolver.set(async () => [{ address: '127.0.0.1', family: 4 }])
  const res = await api.rest('PATCH', `/webhook-deliveries/${failed!.id}`, {
    token: admin.token,
    body: { status: 'queued' },
  })
  expect(res.status).toBe(200)
  await settled()
  const [again] = await deliveriesOf(hook.id)
  expect(again).toMatchObject({ status: 'sent', lastStatusCode: 204 })
  const [arrived] = arrivedAt('/again')
  expect(arrived!.headers['webhook-id']).toBe(failed!.messageId)
  expect(arrived!.headers.host).toBe(`receiver.example:${new URL(receiver.url()).port}`)
})

test('signature-count changes are coalesced: one delivery right away, the next ones wait for the interval and carry the count of then', async () => {
  const hook = await endpoint(['signature-count'])
  const approve = (n: number) =>
    payload.create({
      collection: 'signatories',
      data: {
        displayName: `Zähler ${unique}-${n}`,
        kind: 'person',
        status: 'approved',
        verified: true,
        email: `count-${++unique}@example.org`,
      },
      depth: 0,
    })
  await approve(1)
  await settled()
  const [first] = arrivedAt(hook.path)
  const count = (body: string) => (JSON.parse(body) as { data: { count: number } }).data.count
  const now = await payload.count({
    collection: 'signatories',
    where: { status: { equals: 'approved' } },
  })
  expect(count(first!.body)).toBe(now.totalDocs)
  new Verifier(hook.secret).verify(first!.body, first!.headers)

  await approve(2)
  await approve(3)
  await approve(4)
  await settled()
  expect(arrivedAt(hook.path)).toHaveLength(1)
  expect(await deliveriesOf(hook.id)).toHaveLength(2)

  await cronTickLater()
  const [, second, ...more] = arrivedAt(hook.path)
  expect(more).toHaveLength(0)
  expect(count(second!.body)).toBe(now.totalDocs + 3)
})

test('webhooks and their deliveries are admins’ alone', async () => {
  for (const path of ['/webhooks', '/webhook-deliveries']) {
    expect((await api.rest('GET', path, { token: editor.token })).status).toBe(403)
    expect((await api.rest('GET', path)).status).toBe(403)
    expect((await api.rest('GET', path, { token: admin.token })).status).toBe(200)
  }
  const refused = await api.rest('POST', '/webhooks', {
    token: admin.token,
    body: { name: 'Mit Login', url: 'https://user:pw@example.org/hook', events: ['publish'] },
  })
  expect(refused.status).toBe(400)
})
