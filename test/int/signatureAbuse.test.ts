/**
 * What the signature flow does against abuse, through the express layer (the edge, the read
 * cache, the client address it passes on) in front of the real route handlers: the trap, the
 * minimum time, the proof of work, forms used once, the rate limits per address, per e-mail
 * domain and for resent mail, text that refuses links and markup, and the read cache left alone
 * by pending signatures.
 */
import type { Payload } from 'payload'

import { deliveriesSettled } from '@/operations/mail/delivery'

import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'

type Api = typeof import('../helpers/api')
type Helpers = typeof import('../helpers/signatures')
type Cache = typeof import('../helpers/cacheServer')

let sink: SmtpSink
let api: Api
let h: Helpers
let cache: Cache
let payload: Payload
let server: { base: string; close: () => Promise<void> }

const SIGNING_PER_HOUR = 4
const PER_DOMAIN_PER_HOUR = 3
const RESENDING_PER_HOUR = 1
const CONFIRMING_PER_HOUR = 3
const WITHDRAWING_PER_HOUR = 2

beforeAll(async () => {
  sink = await startSmtpSink()
  // Read once, when the config is first imported: this file's own limits and minimum time.
  Object.assign(process.env, sink.env, {
    // Far above what a loaded test machine takes between issuing a form and sending it.
    SIGNATURE_MIN_SECONDS: '30',
    SIGNING_MORE_WORK_FROM_PER_ADDRESS_PER_HOUR: String(SIGNING_PER_HOUR),
    SIGNING_MORE_WORK_FROM_PER_DOMAIN_PER_HOUR: String(PER_DOMAIN_PER_HOUR),
    RATE_LIMIT_RESENDING_PER_ADDRESS_PER_HOUR: String(RESENDING_PER_HOUR),
    CONFIRMING_MODERATION_FROM_PER_ADDRESS_PER_HOUR: String(CONFIRMING_PER_HOUR),
    RATE_LIMIT_WITHDRAWING_PER_HOUR: String(WITHDRAWING_PER_HOUR),
  })
  api = await import('../helpers/api')
  h = await import('../helpers/signatures')
  cache = await import('../helpers/cacheServer')
  payload = await api.startPayload()
  server = await cache.startCacheServer(payload)
})
afterAll(async () => {
  await server?.close()
  await deliveriesSettled()
  await api?.stopPayload(payload)
  await sink?.close()
})

/** Issued long enough ago to pass the minimum time. */
const oldEnough = () => Date.now() - 60_000

let address = 0
/** A client address of its own for each test, so the per-address limit is the test's. */
const newClient = () => `203.0.113.${++address}`

type Answer = { status: number; location: string | null; json: Record<string, unknown> | null }

/** A form post through the express layer, from `client` (X-Forwarded-For; loopback is trusted). */
async function post(
  action: string,
  fields: Record<string, string>,
  client: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${server.base}/api/signatories/${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      'X-Forwarded-For': client,
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  })
  const text = await res.text()
  return {
    status: res.status,
    location: res.headers.get('location'),
    json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  }
}

const codeOf = (answer: Answer) =>
  (answer.json?.errors as { code?: string }[] | undefined)?.[0]?.code

async function signedWith(fields: Record<string, string>, client = newClient()) {
  return post('sign', { ...fields, ...(await h.solvedForm(payload, oldEnough())) }, client)
}

const storedFor = (email: string) =>
  payload.find({
    collection: 'signatories',
    where: { email: { equals: email } },
    overrideAccess: true,
  })

test('a filled trap gets the answer a person gets, and nothing is stored or sent', async () => {
  const fields = h.signerFields()
  const res = await post(
    'sign',
    { ...fields, ...(await h.solvedForm(payload, oldEnough())), website: 'https://spam.example' },
    newClient(),
  )
  expect(res).toMatchObject({ status: 200, json: { accepted: true } })
  expect((await storedFor(fields.email!)).totalDocs).toBe(0)
})

test('a form sent quicker than the minimum time is refused and uses nothing up; one open long enough is accepted', async () => {
  const fields = h.signerFields()
  const form = await h.solvedForm(payload)
  const quick = await post('sign', { ...fields, ...form }, newClient())
  expect(quick.status).toBe(400)
  expect(codeOf(quick)).toBe('too-fast')
  expect((await storedFor(fields.email!)).totalDocs).toBe(0)
  const later = await signedWith(fields)
  expect(later.status).toBe(200)
  expect((await storedFor(fields.email!)).totalDocs).toBe(1)
})

test('a form and its proof of work are usable once; a forged stamp or proof is refused', async () => {
  const form = await h.solvedForm(payload, oldEnough())
  const client = newClient()
  expect((await post('sign', { ...h.signerFields(), ...form }, client)).status).toBe(200)
  const reused = await post('sign', { ...h.signerFields(), ...form }, client)
  expect(codeOf(reused)).toBe('form-used')

  const forged = await post(
    'sign',
    // The last character changed for certain (a token may already end in 'A').
    {
      ...h.signerFields(),
      ...form,
      formToken: form.formToken.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    },
    client,
  )
  expect(codeOf(forged)).toBe('form-invalid')
  // Another form's solution does not prove this form's work.
  const other = await h.solvedForm(payload, oldEnough())
  const mine = await h.solvedForm(payload, oldEnough())
  const swapped = await post(
    'sign',
    { ...h.signerFields(), formToken: mine.formToken, altcha: other.altcha },
    client,
  )
  expect(codeOf(swapped)).toBe('proof-invalid')
  const junk = await post(
    'sign',
    { ...h.signerFields(), formToken: mine.formToken, altcha: 'bm90IGpzb24=' },
    client,
  )
  expect(codeOf(junk)).toBe('proof-invalid')
})

test('without the proof of work (no JavaScript) a person’s signature is accepted but waits for moderation', async () => {
  const { issueSignatureForm } = await import('@/cms/signatures/form')
  const form = await issueSignatureForm(payload.secret, oldEnough())
  const fields = h.signerFields()
  const res = await fetch(`${server.base}/api/signatories/sign`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Forwarded-For': newClient(),
    },
    body: new URLSearchParams({ ...fields, formToken: form.formToken }).toString(),
  })
  // A browser without JavaScript follows the redirect to the "check your mail" page.
  expect(res.status).toBe(303)
  expect(res.headers.get('location')).toBe('/de/declaration/sign/sent')
  const mail = await sink.waitFor((m) => m.to.includes(fields.email!))
  const confirmed = await post('confirm', { token: h.tokenIn(mail.text, 'confirm') }, newClient())
  expect(confirmed.json).toEqual({ outcome: 'awaiting-moderation' })
})

test('names and free text refuse links and markup and keep real names; nothing is stored from a refused form', async () => {
  for (const name of ['Web.de', 'AT&T', "O'Brien", 'Jörg Bienert', 'Zoë Ångström-Łukasz']) {
    const fields = h.signerFields({ name })
    const res = await signedWith(fields)
    expect([name, res.status]).toEqual([name, 200])
    expect((await storedFor(fields.email!)).docs[0]?.displayName).toBe(name)
  }
  const refused = [
    ['name', 'https://spam.example', 'link'],
    ['name', 'Visit www.spam.example', 'link'],
    ['name', 'javascript://x', 'link'],
    ['organization', '<script>alert(1)</script>', 'markup'],
    ['roleTitle', 'Chef <b>', 'markup'],
    ['name', 'Line\nbreak', 'control'],
    ['name', 'x'.repeat(121), 'too long'],
  ] as const
  for (const [field, value, problem] of refused) {
    const fields = h.signerFields({ [field]: value })
    const res = await signedWith(fields)
    expect(res.status).toBe(400)
    expect((res.json?.errors as { fields: unknown[] }[])[0]!.fields).toEqual([{ field, problem }])
    expect((await storedFor(fields.email!)).totalDocs).toBe(0)
  }
  // Without JavaScript the refusal goes back to the form, naming the fields but never the values.
  const form = await h.solvedForm(payload, oldEnough())
  const res = await fetch(`${server.base}/api/signatories/sign`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Forwarded-For': newClient(),
    },
    body: new URLSearchParams({
      ...h.signerFields({ name: 'https://x.example', email: 'not-an-address', locale: 'en' }),
      ...form,
    }).toString(),
  })
  expect(res.status).toBe(303)
  // Each field with what is wrong with it, as the JavaScript form names it.
  expect(res.headers.get('location')).toBe(
    '/en/declaration/sign?error=fields&fields=name%3Alink%2Cemail%3Ainvalid',
  )
  // An editor cannot store such text either.
  const { createUser } = await import('../helpers/users')
  const editor = await createUser(payload, 'editor')
  const created = await api.rest('POST', '/signatories', {
    token: editor.token,
    body: { displayName: 'See https://spam.example', kind: 'person' },
  })
  expect(created.status).toBe(400)
})

/** A plain form post as a browser without JavaScript sends it: no proof, no JSON. */
async function postWithoutScript(fields: Record<string, string>, client: string) {
  const { issueSignatureForm } = await import('@/cms/signatures/form')
  const form = await issueSignatureForm(payload.secret, oldEnough())
  const res = await fetch(`${server.base}/api/signatories/sign`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': client },
    body: new URLSearchParams({ ...fields, formToken: form.formToken }).toString(),
  })
  return { status: res.status, location: res.headers.get('location') }
}

/**
 * Signs with JavaScript's answer to "more work": the form's first proof, and when the server
 * asks for more, the harder challenge it sent, solved, with the same form.
 */
async function signedWithMoreWork(fields: Record<string, string>, client: string) {
  const form = await h.solvedForm(payload, oldEnough())
  const first = await post('sign', { ...fields, ...form }, client)
  if (codeOf(first) !== 'more-work') return { first, last: first }
  const { challenge } = (first.json!.errors as { challenge: never }[])[0]!
  const last = await post(
    'sign',
    { ...fields, ...form, altcha: await h.solvedProof(challenge) },
    client,
  )
  return { first, last }
}

const sourceOf = async (email: string) => (await storedFor(email)).docs[0]?.source

test('one address signs a hundred times and more: past the threshold with more work, never refused; without JavaScript for moderation', async () => {
  const client = newClient()
  const firsts: (string | undefined)[] = []
  for (let i = 0; i < 11; i++) {
    const fields = h.signerFields()
    const { first, last } = await signedWithMoreWork(fields, client)
    firsts.push(codeOf(first))
    expect(last.status).toBe(200)
    expect(await sourceOf(fields.email!)).toBe('form')
  }
  // The first four with the base work; from the fifth (the threshold) the server asks more.
  expect(firsts.slice(0, SIGNING_PER_HOUR)).toEqual(Array(SIGNING_PER_HOUR).fill(undefined))
  expect(new Set(firsts.slice(SIGNING_PER_HOUR))).toEqual(new Set(['more-work']))
  // Colleagues without JavaScript up to the 100th: accepted, for moderation.
  for (let i = 11; i < 100; i++) {
    const fields = h.signerFields()
    expect(await postWithoutScript(fields, client)).toEqual({
      status: 303,
      location: '/de/declaration/sign/sent',
    })
  }
  const without = h.signerFields()
  expect((await postWithoutScript(without, client)).status).toBe(303)
  expect(await sourceOf(without.email!)).toBe('form-without-proof')
  // The 102nd with JavaScript: more work than before, accepted.
  const fields = h.signerFields()
  const { first, last } = await signedWithMoreWork(fields, client)
  expect(codeOf(first)).toBe('more-work')
  expect(last.status).toBe(200)
  expect(await sourceOf(fields.email!)).toBe('form')
  // A proof of the base work sent as a plain post (no JSON): accepted, for moderation.
  const plain = h.signerFields()
  const res = await fetch(`${server.base}/api/signatories/sign`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': client },
    body: new URLSearchParams({ ...plain, ...(await h.solvedForm(payload, oldEnough())) }),
  })
  expect(res.status).toBe(303)
  expect(await sourceOf(plain.email!)).toBe('form-without-proof')
}, 120_000)

test('the harder challenge is signed: a proof of less work than asked is asked again', async () => {
  const client = newClient()
  for (let i = 0; i < SIGNING_PER_HOUR; i++) {
    expect((await signedWith(h.signerFields(), client)).status).toBe(200)
  }
  const form = await h.solvedForm(payload, oldEnough())
  const fields = h.signerFields()
  const first = await post('sign', { ...fields, ...form }, client)
  expect(codeOf(first)).toBe('more-work')
  const { challenge } = (
    first.json!.errors as { challenge: { parameters: { data: object } } }[]
  )[0]!
  // The client lowers the factor in the challenge: the signature no longer holds.
  const forged = {
    ...challenge,
    parameters: { ...challenge.parameters, data: { ...challenge.parameters.data, factor: 1 } },
  }
  const again = await post(
    'sign',
    { ...fields, ...form, altcha: await h.solvedProof(forged as never) },
    client,
  )
  expect(codeOf(again)).toBe('proof-invalid')
})

test('one e-mail domain signs a hundred times and more (IDNA-normalised): more work or moderation, never refused', async () => {
  const domain = `verein-${Date.now().toString(36)}.example`
  const email = (i: number) => (i % 2 ? `p${i}@${domain.toUpperCase()}` : `p${i}@${domain}`)
  const codes: (string | undefined)[] = []
  for (let i = 0; i < 11; i++) {
    const { first, last } = await signedWithMoreWork(
      h.signerFields({ email: email(i) }),
      newClient(),
    )
    codes.push(codeOf(first))
    expect(last.status).toBe(200)
  }
  expect(codes.slice(0, PER_DOMAIN_PER_HOUR)).toEqual(Array(PER_DOMAIN_PER_HOUR).fill(undefined))
  expect(new Set(codes.slice(PER_DOMAIN_PER_HOUR))).toEqual(new Set(['more-work']))
  for (let i = 11; i < 100; i++) {
    expect((await postWithoutScript(h.signerFields({ email: email(i) }), newClient())).status).toBe(
      303,
    )
  }
  const { first, last } = await signedWithMoreWork(
    h.signerFields({ email: email(100) }),
    newClient(),
  )
  expect(codeOf(first)).toBe('more-work')
  expect(last.status).toBe(200)
}, 120_000)

test('signing again with the same address mails it at most as often as the resend limit allows, and says the same', async () => {
  const fields = h.signerFields()
  await signedWith(fields)
  await sink.waitFor((m) => m.to.includes(fields.email!))
  // Twice more.
  const again = [await signedWith(fields), await signedWith(fields)]
  expect(again.map((a) => a.status)).toEqual([200, 200])
  await deliveriesSettled()
  const mails = sink.received.filter((m) => m.to.includes(fields.email!))
  expect(mails).toHaveLength(1 + RESENDING_PER_HOUR)
})

test('confirming from one address past its threshold waits for moderation, never refused; withdrawing is limited', async () => {
  const client = newClient()
  const outcomes = []
  for (let i = 0; i <= CONFIRMING_PER_HOUR; i++) {
    const fields = h.signerFields()
    expect((await signedWith(fields)).status).toBe(200)
    const mail = await sink.waitFor((m) => m.to.includes(fields.email!))
    outcomes.push((await post('confirm', { token: h.tokenIn(mail.text, 'confirm') }, client)).json)
  }
  expect(outcomes).toEqual([
    ...Array(CONFIRMING_PER_HOUR).fill({ outcome: 'approved' }),
    { outcome: 'awaiting-moderation' },
  ])
  const withdrawals = []
  for (let i = 0; i <= WITHDRAWING_PER_HOUR; i++) {
    withdrawals.push((await post('withdraw', { token: 'a'.repeat(43) }, client)).status)
  }
  expect(withdrawals).toEqual([...Array(WITHDRAWING_PER_HOUR).fill(400), 429])
})

test('confirming and withdrawing with junk tokens says “invalid”, never a 500', async () => {
  for (const token of ['', 'x', 'a'.repeat(43), '../../etc', 'ä'.repeat(43)]) {
    expect((await post('confirm', { token }, newClient())).json).toEqual({ outcome: 'invalid' })
    expect((await post('withdraw', { token }, newClient())).json).toEqual({ outcome: 'invalid' })
  }
  const json = await fetch(`${server.base}/api/signatories/sign`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': newClient() },
    body: JSON.stringify({ name: 'x' }),
  })
  expect(json.status).toBe(400)
})

test('a pending signature leaves cached reads alone; its confirmation refreshes the count', async () => {
  const read = () => cache.postGraphQL(server.base, '{ signatureCount }')
  const first = await read()
  expect((await read()).cache).toBe('HIT')
  const before = JSON.parse(first.text).data.signatureCount as number

  const fields = h.signerFields()
  expect((await signedWith(fields)).status).toBe(200)
  const mail = await sink.waitFor((m) => m.to.includes(fields.email!))
  // Pending (and its mail queued and sent): the cached answer is still good and still served.
  await deliveriesSettled()
  expect((await read()).cache).toBe('HIT')

  await post('confirm', { token: h.tokenIn(mail.text, 'confirm') }, newClient())
  const after = await read()
  expect(after.cache).toBe('MISS')
  expect(JSON.parse(after.text).data.signatureCount).toBe(before + 1)
})

test("a signer's steps are never answered from the cache; the form is, unless shown again after a refusal", async () => {
  const { pageRead } = await import('@/readCache/pageRequest')
  const none = () => ''
  // The form is one rendering for everyone; the edge fills in each answer's stamp.
  expect(pageRead('/de/declaration/sign', none).cacheable).toBe(true)
  expect(pageRead('/en/declaration/sign?utm_source=press', none).cacheable).toBe(true)
  // After signing: the same words for everyone, whatever the address (nothing to tell apart).
  expect(pageRead('/de/declaration/sign/sent', none).cacheable).toBe(true)
  for (const path of [
    '/de/declaration/%73ign',
    '/de/declaration/sign?error=fields&fields=name%3Alink',
    '/en/declaration/sign?error=busy',
    '/en/declaration/confirm?token=abc',
    '/de/declaration/withdraw?token=abc',
  ]) {
    expect([path, pageRead(path, none).cacheable]).toEqual([path, false])
  }
  expect(pageRead('/de/declaration', none).cacheable).toBe(true)
  expect(pageRead('/de/declaration?sector=research&utm=x', none)).toMatchObject({ cacheable: true })
  // Each render gets its own form: the mutation that issues one is never stored.
  const form = () => cache.postGraphQL(server.base, 'mutation { signatureForm { formToken } }')
  const [a, b] = [await form(), await form()]
  expect(a.cache).toBe('BYPASS')
  expect(a.text).not.toBe(b.text)
})
