/**
 * The public signature flow through the form endpoints and GraphQL, with mail received by a real
 * SMTP server: double opt-in, moderation, the public list and count, duplicates, expiry,
 * withdrawal, the read cache, and the CSV export.
 */
import type { Payload } from 'payload'

import { deliveriesSettled } from '@/operations/mail/delivery'
import { migrations } from '@/data/migrations'

import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../helpers/smtpSink'
import type { TestUser } from '../helpers/users'

type Api = typeof import('../helpers/api')
type Helpers = typeof import('../helpers/signatures')

let sink: SmtpSink
let api: Api
let h: Helpers
let payload: Payload
let editor: TestUser
let admin: TestUser

beforeAll(async () => {
  sink = await startSmtpSink()
  Object.assign(process.env, sink.env)
  api = await import('../helpers/api')
  h = await import('../helpers/signatures')
  payload = await api.startPayload()
  const { createUser } = await import('../helpers/users')
  editor = await createUser(payload, 'editor')
  admin = await createUser(payload, 'admin')
})
afterAll(async () => {
  await deliveriesSettled()
  await api?.stopPayload(payload)
  await sink?.close()
})

const mailTo = (address: string, subject?: RegExp) => (mail: ReceivedMail) =>
  mail.to.includes(address) && (!subject || subject.test(mail.subject))

async function sign(fields: Record<string, string>) {
  const form = await h.solvedForm(payload)
  return h.postForm('sign', { ...fields, ...form })
}

const count = async () =>
  (await api.graphql<{ signatureCount: number }>('{ signatureCount }')).data!.signatureCount

const publicNames = async (where = '') => {
  const res = await api.graphql<{ Signatories: { docs: { displayName: string }[] } }>(
    `{ Signatories(limit: 100${where}) { docs { displayName } } }`,
  )
  return res.data!.Signatories.docs.map((d) => d.displayName)
}

const stored = (email: string) =>
  payload.find({
    collection: 'signatories',
    where: { email: { equals: email } },
    overrideAccess: true,
    showHiddenFields: true,
  })

test('a person signs without moderation: pending until confirmed, then counted and listed; the mail is in the signer’s language', async () => {
  const before = await count()
  const fields = h.signerFields({ locale: 'en', name: "Siobhán O'Brien" })
  const res = await sign(fields)
  expect(res.status).toBe(303)
  expect(res.location).toBe('/en/declaration/sign/sent')
  // Pending: neither counted nor listed.
  expect(await count()).toBe(before)
  expect(await publicNames()).not.toContain("Siobhán O'Brien")

  const mail = await sink.waitFor(mailTo(fields.email!))
  expect(mail.language).toBe('en')
  expect(mail.subject).toBe('Please confirm your signature')
  expect(mail.text).toContain("Hello Siobhán O'Brien,")
  const token = h.tokenIn(mail.text, 'confirm')
  // Only the hash is stored.
  const [doc] = (await stored(fields.email!)).docs as unknown as Record<string, unknown>[]
  expect(JSON.stringify(doc)).not.toContain(token)
  expect(doc!.status).toBe('unconfirmed')

  const confirmed = await h.postForm('confirm', { token, locale: 'en' })
  expect(confirmed.location).toBe('/en/declaration/confirm?result=approved')
  expect(await count()).toBe(before + 1)
  expect(await publicNames()).toContain("Siobhán O'Brien")
  // One-time: the same link again does nothing more.
  const again = await h.postForm('confirm', { token, locale: 'en' })
  expect(again.location).toBe('/en/declaration/confirm?result=invalid')
  expect(await count()).toBe(before + 1)
})

test('organizations wait for the editors; approval lists them, a counted-only one is counted but not listed', async () => {
  const before = await count()
  const org = h.signerFields({ kind: 'organization', name: 'AT&T Research', display: 'named' })
  expect((await sign(org)).status).toBe(303)
  const token = h.tokenIn((await sink.waitFor(mailTo(org.email!))).text, 'confirm')
  const confirmed = await h.postForm('confirm', { token, locale: 'de' })
  expect(confirmed.location).toBe('/de/declaration/confirm?result=awaiting-moderation')
  expect(await count()).toBe(before)

  // The editors' queue, as the dashboard counts it, holds it; an editor approves and verifies.
  const queue = await api.rest('GET', '/signatories?where[status][equals]=awaiting-moderation', {
    token: editor.token,
  })
  const waiting = queue.body.docs!.find((d) => d.displayName === 'AT&T Research')!
  expect(waiting).toBeDefined()
  const approved = await api.rest('PATCH', `/signatories/${String(waiting.id)}`, {
    token: editor.token,
    body: { status: 'approved', verified: true },
  })
  expect(approved.status).toBe(200)
  expect(await count()).toBe(before + 1)
  expect(await publicNames()).toContain('AT&T Research')

  const counted = h.signerFields({ name: 'Nur Gezählt', display: 'counted' })
  await sign(counted)
  await h.postForm('confirm', {
    token: h.tokenIn((await sink.waitFor(mailTo(counted.email!))).text, 'confirm'),
    locale: 'de',
  })
  expect(await count()).toBe(before + 2)
  expect(await publicNames()).not.toContain('Nur Gezählt')
})

test('with the declaration’s moderation setting on, persons wait too; a rejected one is neither counted nor listed', async () => {
  await payload.updateGlobal({
    slug: 'declaration',
    data: { moderatePersonSignatures: true, _status: 'published' },
  })
  try {
    const before = await count()
    const fields = h.signerFields({ name: 'Moderierte Person' })
    await sign(fields)
    const token = h.tokenIn((await sink.waitFor(mailTo(fields.email!))).text, 'confirm')
    const res = await h.postForm('confirm', { token, locale: 'de' })
    expect(res.location).toBe('/de/declaration/confirm?result=awaiting-moderation')
    const [doc] = (await stored(fields.email!)).docs
    await api.rest('PATCH', `/signatories/${doc!.id}`, {
      token: editor.token,
      body: { status: 'rejected' },
    })
    expect(await count()).toBe(before)
    expect(await publicNames()).not.toContain('Moderierte Person')
  } finally {
    await payload.updateGlobal({
      slug: 'declaration',
      data: { moderatePersonSignatures: false, _status: 'published' },
    })
  }
})

test('signing again with an address that has signed: the same answer, a mail saying so; the address is compared normalised', async () => {
  const fields = h.signerFields({ email: 'Joerg.Mueller+KI@Bücher.Example' })
  const first = await sign(fields)
  expect(first.location).toBe('/de/declaration/sign/sent')
  // Sent to the IDNA form; the mail client (the sink's parser) shows the domain decoded.
  const firstMail = await sink.waitFor(mailTo('joerg.mueller+ki@bücher.example'))
  await h.postForm('confirm', { token: h.tokenIn(firstMail.text, 'confirm'), locale: 'de' })

  // Trimmed, NFC (a decomposed ü), upper case: the same address.
  const decomposed = '  JOERG.MUELLER+KI@BU\u0308CHER.EXAMPLE '
  const second = await sign({ ...fields, email: decomposed, name: 'Someone Else' })
  expect(second).toEqual(first)
  const notice = await sink.waitFor(
    mailTo('joerg.mueller+ki@bücher.example', /bereits unterzeichnet/),
  )
  expect(notice.text).toContain('Diese Adresse hat bereits unterzeichnet')
  const docs = (
    await payload.find({
      collection: 'signatories',
      where: { emailKey: { equals: 'joerg.mueller+ki@xn--bcher-kva.example' } },
      overrideAccess: true,
    })
  ).docs
  expect(docs).toHaveLength(1)
  expect(docs[0]!.displayName).toBe(fields.name)
  // Dots and plus tags are part of the address: this is another signer.
  await sign({ ...fields, email: 'joergmueller@xn--bcher-kva.example' })
  await sink.waitFor(mailTo('joergmueller@bücher.example', /Bitte bestätigen/))
})

test('a pending signature signed again gets a new link (the old one ends); an expired link fails and the purge deletes the signature', async () => {
  const { purgeExpiredSignatures } = await import('@/cms/signatures/purge')
  const fields = h.signerFields()
  await sign(fields)
  const oldToken = h.tokenIn((await sink.waitFor(mailTo(fields.email!))).text, 'confirm')
  const received = sink.received.length
  await sign(fields)
  await sink.waitFor((m) => m.to.includes(fields.email!) && sink.received.indexOf(m) >= received)
  const newMail = sink.received.slice(received).find(mailTo(fields.email!))!
  const newToken = h.tokenIn(newMail.text, 'confirm')
  expect(newToken).not.toBe(oldToken)
  expect((await h.postForm('confirm', { token: oldToken })).location).toContain('result=invalid')

  // Seven days later the link has expired, and the hourly purge deletes the signature.
  const [doc] = (await stored(fields.email!)).docs
  await payload.update({
    collection: 'signatories',
    id: doc!.id,
    data: { confirmExpiresAt: new Date(Date.now() - 1000).toISOString() },
    overrideAccess: true,
  })
  expect((await h.postForm('confirm', { token: newToken })).location).toContain('result=expired')
  const purged = await purgeExpiredSignatures(payload)
  expect(purged.signatures).toBeGreaterThanOrEqual(1)
  expect((await stored(fields.email!)).totalDocs).toBe(0)
  const mail = await payload.find({
    collection: 'mail-queue',
    where: { to: { equals: fields.email! } },
    overrideAccess: true,
  })
  expect(mail.totalDocs).toBe(0)
})

test('the purge runs as a job that queues its next run an hour later', async () => {
  const { ensurePurgeQueued, PURGE_SIGNATURES_TASK } = await import('@/cms/signatures/purge')
  const waiting = () =>
    payload.find({
      collection: 'payload-jobs',
      where: {
        and: [{ taskSlug: { equals: PURGE_SIGNATURES_TASK } }, { completedAt: { exists: false } }],
      },
      overrideAccess: true,
    })
  await ensurePurgeQueued(payload)
  await ensurePurgeQueued(payload)
  expect((await waiting()).totalDocs).toBe(1)
  await payload.jobs.run({ queue: 'default', limit: 10, silent: true })
  const next = (await waiting()).docs
  expect(next).toHaveLength(1)
  const inMinutes = (Date.parse(String(next[0]!.waitUntil)) - Date.now()) / 60_000
  expect(inMinutes).toBeGreaterThan(55)
  expect(inMinutes).toBeLessThanOrEqual(60)
})

test('withdrawing deletes the signature and every mail to its address at once; the link then does nothing', async () => {
  const fields = h.signerFields({ name: 'Zieht Zurück' })
  await sign(fields)
  const mail = await sink.waitFor(mailTo(fields.email!))
  await h.postForm('confirm', { token: h.tokenIn(mail.text, 'confirm') })
  const before = await count()
  expect(await publicNames()).toContain('Zieht Zurück')

  const withdraw = h.tokenIn(mail.text, 'withdraw')
  const res = await h.postForm('withdraw', { token: withdraw, locale: 'de' })
  expect(res.location).toBe('/de/declaration/withdraw?result=withdrawn')
  expect(await count()).toBe(before - 1)
  expect(await publicNames()).not.toContain('Zieht Zurück')
  expect((await stored(fields.email!)).totalDocs).toBe(0)
  const queued = await payload.find({
    collection: 'mail-queue',
    where: { to: { equals: fields.email! } },
    overrideAccess: true,
  })
  expect(queued.totalDocs).toBe(0)
  expect((await h.postForm('withdraw', { token: withdraw })).location).toContain('result=invalid')
})

test('the GraphQL mutations follow the same rules', async () => {
  const formRes = await api.graphql<{
    signatureForm: { formToken: string; challenge: string; minSeconds: number }
  }>('mutation { signatureForm { formToken challenge minSeconds } }')
  const form = formRes.data!.signatureForm
  const proof = await h.solvedProof(JSON.parse(form.challenge))
  const email = `graphql-${Date.now()}@example.org`
  const signed = await api.graphql(
    `mutation S($data: SignDeclarationInput!, $form: SignatureFormInput!) {
      signDeclaration(data: $data, form: $form) { accepted }
    }`,
    {
      data: { name: 'Über GraphQL', email, kind: 'person', display: 'named', locale: 'en' },
      form: { formToken: form.formToken, proof },
    },
  )
  expect(signed.data).toEqual({ signDeclaration: { accepted: true } })
  const token = h.tokenIn((await sink.waitFor(mailTo(email))).text, 'confirm')
  const confirmed = await api.graphql('mutation C($t: String!) { confirmSignature(token: $t) }', {
    t: token,
  })
  expect(confirmed.data).toEqual({ confirmSignature: 'APPROVED' })
  const refused = await api.graphql(
    `mutation S($data: SignDeclarationInput!, $form: SignatureFormInput!) {
      signDeclaration(data: $data, form: $form) { accepted }
    }`,
    {
      data: { name: 'Visit www.spam.example', email: 'x', kind: 'person', display: 'named' },
      form: { formToken: form.formToken },
    },
  )
  expect(refused.errors?.[0]?.extensions).toMatchObject({
    statusCode: 400,
    data: {
      code: 'fields',
      fields: [
        { field: 'name', problem: 'link' },
        { field: 'email', problem: 'invalid' },
      ],
    },
  })
  const withdrawn = await api.graphql('mutation W($t: String!) { withdrawSignature(token: $t) }', {
    t: h.tokenIn((await sink.waitFor(mailTo(email))).text, 'withdraw'),
  })
  expect(withdrawn.data).toEqual({ withdrawSignature: 'WITHDRAWN' })
})

test('filters by sector and country, and paging, on the public list', async () => {
  const names = await publicNames(
    ', where: { sector: { equals: research }, country: { equals: "DE" } }',
  )
  expect(names).toContain('Fraunhofer IAIS')
  expect(names).not.toContain('KI Bundesverband')
})

test('the CSV export: staff only, no addresses unless an admin asks, formulas neutralised', async () => {
  const formula = h.signerFields({ name: '=HYPERLINK("x")', consentToUpdates: 'on' })
  // Names refuse markup but a leading "=" is a real character in a name: the CSV defuses it.
  formula.name = '=1+2 Formel'
  await sign(formula)
  await h.postForm('confirm', {
    token: h.tokenIn((await sink.waitFor(mailTo(formula.email!))).text, 'confirm'),
  })
  const anonymous = await api.rest('GET', '/signatories/export.csv')
  expect(anonymous.status).toBe(401)

  const csv = async (token: string, query = '') => {
    const { GET } = await import('../../src/app/(payload)/api/[...slug]/route')
    const response = await GET(
      new Request(`http://localhost:3000/api/signatories/export.csv${query}`, {
        headers: { Authorization: `JWT ${token}` },
      }),
      { params: Promise.resolve({ slug: ['signatories', 'export.csv'] }) },
    )
    return { status: response.status, text: await response.text() }
  }
  const plain = await csv(editor.token)
  expect(plain.status).toBe(200)
  expect(plain.text).toContain("'=1+2 Formel")
  expect(plain.text).not.toContain(formula.email!)
  expect(plain.text).toContain('Fraunhofer IAIS')
  expect((await csv(editor.token, '?emails=1')).status).toBe(403)
  const withEmails = await csv(admin.token, '?emails=1')
  expect(withEmails.status).toBe(200)
  expect(withEmails.text).toContain(formula.email!)
})

// Last: it takes this file's database copy down one migration and up again.
type Row = Record<string, unknown>

test('the status migration, down and up again: approved staff signatories stay approved, unapproved ones wait; form signatures do not survive a downgrade', async () => {
  if (payload.db.name !== 'sqlite') return
  const migration = migrations.find((m) => m.name.endsWith('_sign_declaration'))!
  const db = (payload.db as unknown as { drizzle: never }).drizzle
  const { client } = payload.db as unknown as {
    client: { execute(sql: string): Promise<{ rows: Row[] }> }
  }
  await payload.create({
    collection: 'signatories',
    data: { displayName: 'Staff waiting', kind: 'person', status: 'awaiting-moderation' },
  })
  await payload.create({
    collection: 'signatories',
    data: {
      displayName: 'From the form',
      kind: 'person',
      status: 'approved',
      source: 'form',
    } as never,
    overrideAccess: true,
  })
  const args = { db, payload, req: {} } as never
  // As `migrate:down` would: the migrations after it are undone first (a later index on
  // `status` would otherwise block dropping the column), and redone after.
  const later = migrations.slice(migrations.indexOf(migration) + 1)
  for (const step of [...later].reverse()) await step.down(args)

  await migration.down(args)
  const old = await client.execute('SELECT display_name, approved FROM signatories ORDER BY 1')
  expect(old.rows.map((r) => [r.display_name, Number(r.approved)])).toEqual([
    ['Fraunhofer IAIS', 1],
    ['KI Bundesverband', 1],
    ['Staff waiting', 0],
  ])

  await migration.up(args)
  for (const step of later) await step.up(args)
  const now = await client.execute('SELECT display_name, status FROM signatories ORDER BY 1')
  expect(now.rows.map((r) => [r.display_name, r.status])).toEqual([
    ['Fraunhofer IAIS', 'approved'],
    ['KI Bundesverband', 'approved'],
    ['Staff waiting', 'awaiting-moderation'],
  ])
})
