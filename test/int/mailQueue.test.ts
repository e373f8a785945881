/**
 * Mail through a real SMTP server (an in-process sink): queued with the change that causes it,
 * sent after the commit by the delivery job, retried when the server fails, never sent for a
 * change that rolls back, purged with the account it was for.
 */
import {
  _internal_jobSystemGlobals,
  _internal_resetJobSystemGlobals,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
} from 'payload'

import { MAIL_RETRIES } from '@/operations/mail/deliverMail'
import { deliveriesSettled } from '@/operations/mail/delivery'
import { releaseInterruptedJobs } from '@/operations/jobs/startedJobs'
import type { MailQueue, User } from '@/payload-types'

import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtpSink'
import type { TestUser } from '../helpers/users'

type Api = typeof import('../helpers/api')

let sink: SmtpSink
let api: Api
let payload: Payload
let createUser: typeof import('../helpers/users').createUser
let admin: TestUser
let partner: TestUser
let editorDe: TestUser
let editorEn: TestUser
let organization: string

beforeAll(async () => {
  // The portal reads SMTP_* when its config is first imported: the sink must be listening first.
  sink = await startSmtpSink()
  Object.assign(process.env, sink.env)
  api = await import('../helpers/api')
  ;({ createUser } = await import('../helpers/users'))
  payload = await api.startPayload()
  // This file plays the once-a-minute cron itself, by running the mail queue when time has passed.
  _internal_jobSystemGlobals.shouldAutoRun = false
  const { idBySlug } = await import('../helpers/fixtures')
  organization = await idBySlug(payload, 'organizations', 'fraunhofer-iais')
  admin = await createUser(payload, 'admin')
  partner = await createUser(payload, 'partner', { organization, name: 'Paula Partner' })
  editorDe = await createUser(payload, 'editor', { name: 'Erika Redakteurin', language: 'de' })
  editorEn = await createUser(payload, 'editor', { name: 'Edward Editor', language: 'en' })
})
afterAll(async () => {
  _internal_resetJobSystemGlobals()
  await deliveriesSettled()
  await api?.stopPayload(payload)
  await sink?.close()
})

const mailTo = (address: string) => (mail: ReceivedMail) => mail.to.includes(address)

/** The queue's records for an address, as an admin sees them over REST. */
async function queuedFor(address: string): Promise<MailQueue[]> {
  const res = await api.rest(
    'GET',
    `/mail-queue?where[to][equals]=${encodeURIComponent(address)}`,
    {
      token: admin.token,
    },
  )
  expect(res.status).toBe(200)
  return res.body.docs as unknown as MailQueue[]
}

let clockOffset = 0
/**
 * Lets time pass for the job queue, then does what the cron does on its next tick. Backoff waits
 * are at most a few hours, so a day more each time makes every waiting retry due.
 */
async function cronTickLater(): Promise<void> {
  clockOffset += 24 * 60 * 60 * 1000
  _internal_jobSystemGlobals.getCurrentDate = () => new Date(Date.now() + clockOffset)
  await payload.jobs.run({ queue: 'mail', limit: 20, silent: true })
}

/** Waits (bounded) for something the sink reports; no assertion is made on how long it took. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 25))
  expect(condition()).toBe(true)
}

async function newProject(title: { de: string; en: string }): Promise<string> {
  const created = await api.rest('POST', '/projects?locale=de', {
    token: partner.token,
    body: { title: title.de },
  })
  expect(created.status).toBe(201)
  const id = (created.body.doc as { id: string }).id
  const english = await api.rest('PATCH', `/projects/${id}?locale=en&draft=true`, {
    token: partner.token,
    body: { title: title.en },
  })
  expect(english.status).toBe(200)
  return id
}

const submit = (id: string) =>
  api.rest('PATCH', `/projects/${id}?draft=true`, {
    token: partner.token,
    body: { review: { state: 'in-review' } },
  })

test('a submission is saved while a slow mail server still holds the editors’ mails; each arrives in the editor’s language, as text and HTML', async () => {
  const project = await newProject({ de: 'Offene Sprachmodelle', en: 'Open language models' })
  const slowServer = sink.hold()

  expect((await submit(project)).status).toBe(200)
  // The mail server has both messages and has not answered: the save did not wait for it …
  await until(() => slowServer.waiting() === 2)
  // … and neither does any other write meanwhile.
  const other = await api.rest('POST', '/news', {
    token: editorDe.token,
    body: { title: 'Meldung während die Post hängt' },
  })
  expect(other.status).toBe(201)
  expect((await queuedFor(editorDe.email)).map((m) => m.status)).toEqual(['queued'])

  slowServer.release()
  await deliveriesSettled()
  const german = await sink.waitFor(mailTo(editorDe.email))
  expect(german).toMatchObject({ subject: 'Zur Prüfung: Offene Sprachmodelle', language: 'de' })
  expect(german.text).toContain('Guten Tag Erika Redakteurin,')
  expect(german.text).toContain('Paula Partner hat das Projekt „Offene Sprachmodelle“')
  expect(german.text).toContain(`http://localhost:3000/admin/collections/projects/${project}`)
  expect(german.html).toContain(
    `href="http://localhost:3000/admin/collections/projects/${project}"`,
  )
  const english = await sink.waitFor(mailTo(editorEn.email))
  expect(english).toMatchObject({ subject: 'For review: Open language models', language: 'en' })
  expect(english.text).toContain('Paula Partner submitted the project “Open language models”')
  expect(english.html).toContain('Review the project')

  // Sent: the record stays for admins, the body is gone.
  const [record] = await queuedFor(editorEn.email)
  expect(record).toMatchObject({ status: 'sent', attempts: 1, text: null, html: null })
  expect(record?.sentAt).toBeTruthy()
})

test('an editor’s note reaches the partner in the partner’s language, escaped in HTML', async () => {
  const project = await newProject({ de: 'Datenräume', en: 'Data spaces' })
  expect((await submit(project)).status).toBe(200)
  await api.rest('PATCH', `/users/${partner.user.id}`, {
    token: admin.token,
    body: { language: 'en' },
  })
  const sentBack = await api.rest('PATCH', `/projects/${project}?draft=true`, {
    token: editorDe.token,
    body: { review: { state: 'changes-requested', note: 'Add the grant number <b>please</b>.' } },
  })
  expect(sentBack.status).toBe(200)
  await deliveriesSettled()
  const mail = await sink.waitFor(
    (m) => mailTo(partner.email)(m) && m.subject === 'Changes requested: Data spaces',
  )
  expect(mail.text).toContain('> Add the grant number <b>please</b>.')
  expect(mail.html).toContain('Add the grant number &lt;b&gt;please&lt;/b&gt;.')
  expect(mail.html).not.toContain('<b>please</b>')
})

test('a password reset mail comes in the user’s language, and its link sets a new password', async () => {
  const user = await createUser(payload, 'editor', { language: 'en' })
  // A record of a mail sent long ago, which the next delivery forgets (30 days).
  const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000).toISOString()
  await payload.db.create({
    collection: 'mail-queue',
    data: {
      to: 'long-ago@test.example',
      subject: 'Alt',
      kind: 'password-reset',
      language: 'de',
      status: 'sent',
      createdAt: longAgo,
      updatedAt: longAgo,
    },
  })
  const asked = await api.rest('POST', '/users/forgot-password', { body: { email: user.email } })
  expect(asked.status).toBe(200)
  await deliveriesSettled()
  const mail = await sink.waitFor(mailTo(user.email))
  expect(mail.subject).toBe('Set a new password')
  expect(await queuedFor('long-ago@test.example')).toEqual([])
  expect(mail.text).toContain('within 60 minutes')
  const token = /http:\/\/localhost:3000\/admin\/reset\/([0-9a-f]+)/.exec(mail.text)?.[1]
  expect(token).toBeTruthy()
  expect(mail.html).toContain(`href="http://localhost:3000/admin/reset/${token}"`)

  const reset = await api.rest('POST', '/users/reset-password', {
    body: { token, password: 'a-brand-new-password-1' },
  })
  expect(reset.status).toBe(200)
  await expect(api.login(user.email, 'a-brand-new-password-1')).resolves.toBeTruthy()
})

test('a failing mail server: the mail waits for its backoff, is retried by the cron and finally delivered', async () => {
  const user = await createUser(payload, 'partner', { organization })
  sink.refuseNext(2)
  expect(
    (await api.rest('POST', '/users/forgot-password', { body: { email: user.email } })).status,
  ).toBe(200)
  await deliveriesSettled()
  let [record] = await queuedFor(user.email)
  expect(record).toMatchObject({ status: 'queued', attempts: 1 })
  expect(record?.lastError).toMatch(/451/)
  expect(record?.text).toContain('/admin/reset/')

  // A tick before the backoff has passed leaves it waiting.
  await payload.jobs.run({ queue: 'mail', limit: 20, silent: true })
  expect((await queuedFor(user.email))[0]?.attempts).toBe(1)

  await cronTickLater() // refused again
  expect((await queuedFor(user.email))[0]).toMatchObject({ status: 'queued', attempts: 2 })
  await cronTickLater() // accepted
  ;[record] = await queuedFor(user.email)
  expect(record).toMatchObject({ status: 'sent', attempts: 3, text: null, html: null })
  const mail = await sink.waitFor(mailTo(user.email))
  expect(mail.subject).toBe('Neues Passwort festlegen')
  expect(sink.received.filter(mailTo(user.email))).toHaveLength(1)
})

test('a mail refused on every retry stays as failed, for admins alone, and an admin sends it again', async () => {
  const user = await createUser(payload, 'editor')
  sink.refuseNext(MAIL_RETRIES + 1)
  await api.rest('POST', '/users/forgot-password', { body: { email: user.email } })
  await deliveriesSettled()
  for (let retry = 0; retry < MAIL_RETRIES; retry++) await cronTickLater()
  const [failed] = await queuedFor(user.email)
  expect(failed).toMatchObject({ status: 'failed', attempts: MAIL_RETRIES + 1 })
  expect(failed?.lastError).toMatch(/451/)
  // Given up: more ticks send nothing.
  await cronTickLater()
  expect(sink.received.filter(mailTo(user.email))).toHaveLength(0)

  // Nobody but admins sees the queue, over REST or GraphQL (it has no GraphQL type at all).
  for (const caller of [editorDe, partner, { token: undefined }]) {
    expect((await api.rest('GET', '/mail-queue', { token: caller.token })).status).toBe(403)
    expect(
      (await api.rest('GET', `/mail-queue/${failed?.id}`, { token: caller.token })).status,
    ).toBe(403)
  }
  const overGraphQL = await api.graphql(
    '{ MailQueues { docs { id text } } }',
    {},
    {
      token: admin.token,
    },
  )
  expect(overGraphQL.errors?.[0]?.message).toMatch(/MailQueues/)

  // An admin changes nothing but the status, and only from failed back to queued.
  const rewrite = await api.rest('PATCH', `/mail-queue/${failed?.id}`, {
    token: admin.token,
    body: { to: 'someone-else@test.example', status: 'sent' },
  })
  expect(rewrite.status).toBe(400)
  const retried = await api.rest('PATCH', `/mail-queue/${failed?.id}`, {
    token: admin.token,
    body: { status: 'queued', to: 'someone-else@test.example' },
  })
  expect(retried.status).toBe(200)
  await deliveriesSettled()
  const mail = await sink.waitFor(mailTo(user.email))
  expect(mail.subject).toBe('Neues Passwort festlegen')
  expect(sink.received.some(mailTo('someone-else@test.example'))).toBe(false)
  expect((await queuedFor(user.email))[0]).toMatchObject({ status: 'sent', text: null })
})

test('a change that rolls back sends nothing, though its mails were queued inside it', async () => {
  const project = await newProject({ de: 'Zurückgerollt', en: 'Rolled back' })
  const req = await createLocalReq(
    { user: { ...partner.user, collection: 'users' } as User },
    payload,
  )
  await initTransaction(req)
  await payload.update({
    collection: 'projects',
    id: project,
    draft: true,
    data: { review: { state: 'in-review' } },
    overrideAccess: false,
    req,
  })
  // Inside the transaction the editors' mails are there …
  const inside = await payload.find({
    collection: 'mail-queue',
    where: { subject: { equals: 'Zur Prüfung: Zurückgerollt' } },
    req,
  })
  expect(inside.totalDocs).toBeGreaterThan(0)
  await killTransaction(req)
  await deliveriesSettled()
  await cronTickLater()

  // … and with the rollback they are gone, and nothing was sent.
  const after = await payload.count({
    collection: 'mail-queue',
    where: { subject: { in: ['Zur Prüfung: Zurückgerollt', 'For review: Rolled back'] } },
  })
  expect(after.totalDocs).toBe(0)
  expect(sink.received.some((m) => /Zurückgerollt|Rolled back/.test(m.subject))).toBe(false)
})

test('deleting an account purges the mail still queued to it', async () => {
  const user = await createUser(payload, 'editor')
  sink.refuseNext(1)
  await api.rest('POST', '/users/forgot-password', { body: { email: user.email } })
  await deliveriesSettled()
  expect((await queuedFor(user.email)).map((m) => m.status)).toEqual(['queued'])

  expect((await api.rest('DELETE', `/users/${user.user.id}`, { token: admin.token })).status).toBe(
    200,
  )
  expect(await queuedFor(user.email)).toEqual([])
  await cronTickLater()
  expect(sink.received.some(mailTo(user.email))).toBe(false)
})

test('a delivery cut short by a process that died is sent after the next start', async () => {
  const user = await createUser(payload, 'editor')
  sink.refuseNext(1)
  await api.rest('POST', '/users/forgot-password', { body: { email: user.email } })
  await deliveriesSettled()
  // What a process killed in the middle of a delivery leaves behind: its job claimed for good.
  await payload.db.updateJobs({
    where: { queue: { equals: 'mail' } },
    data: { processing: true },
    returning: false,
  })
  await cronTickLater()
  expect(sink.received.some(mailTo(user.email))).toBe(false)

  await releaseInterruptedJobs(payload) // what taking the job lease does (src/operations/jobs/lease.ts)
  await cronTickLater()
  expect((await sink.waitFor(mailTo(user.email))).subject).toBe('Neues Passwort festlegen')
})

/** Keeps this thread busy for `ms`, as a start's first renders do on a saturated machine. */
function stallThread(ms: number): void {
  const until = Date.now() + ms
  while (Date.now() < until) {
    // busy: no timer, no I/O callback runs meanwhile
  }
}

test('a job runner whose own lease renewal came too late runs the queues when it holds it again', async () => {
  const { takePartInJobLease } = await import('@/operations/jobs/lease')
  let queueRuns = 0
  // Lease 3 s, renewed every 0.2 s: jobs may start until 1.5 s after each renewal.
  const lease = await takePartInJobLease(payload, () => queueRuns++, {
    leaseMs: 3_000,
    renewMs: 200,
  })
  try {
    expect(queueRuns).toBe(1) // it took the lease: what was queued runs at once
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(queueRuns).toBe(1) // renewals in time: nothing to catch up on

    // Mail queued while the lease's margin had passed went to the bus, where nobody took it.
    stallThread(1_800)
    const waitUntil = Date.now() + 10_000
    while (queueRuns < 2 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 50))
    expect(queueRuns).toBe(2)
  } finally {
    await lease.leave()
  }
})
