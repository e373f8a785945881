/**
 * The rate limits at the edge (docs/limits.md), on the express layer with the read cache in
 * front of the real REST and GraphQL route handlers. Client addresses come from
 * X-Forwarded-For, which the trusted-proxy setting lets loopback (the test) set.
 */
import type { Payload } from 'payload'

import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'

import { FORM_TOKEN_PLACEHOLDER } from '@/cms/signatures/formPlaceholders'
import { resetLimits } from '@/operations/rateLimiterStore'

import { startPayload, stopPayload } from '../helpers/api'
import { startCacheServer, type CacheServer } from '../helpers/cacheServer'
import { idBySlug } from '../helpers/fixtures'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let editor: TestUser
let server: CacheServer
const limits = {
  publicWritesPerMinute: 5,
  uncachedPerMinute: 8,
  uncachedBurst: 4,
  userPerMinute: 1200,
  signingFormsPerMinute: 4,
  signingFormsBurst: 0,
}

/** The signing form as Next renders it for the cache: placeholders for the stamp and challenge. */
function signingFormPage(req: ExpressRequest, res: ExpressResponse) {
  if (!/^\/(de|en)\/declaration\/sign$/.test(req.path)) return void res.sendStatus(418)
  res.type('html').send(`<form><input name="formToken" value="${FORM_TOKEN_PLACEHOLDER}"></form>`)
}

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
  resetLimits()
  server = await startCacheServer(payload, {
    rateLimits: limits,
    cachePages: true,
    pages: signingFormPage,
  })
})
afterAll(async () => {
  await server.close()
  await stopPayload(payload)
})

type Answer = { status: number; retryAfter: string | null; cache: string | null; body: string }

async function send(
  path: string,
  from: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  const res = await fetch(`${server.base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'X-Forwarded-For': from,
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    cache: res.headers.get('x-cache'),
    body: await res.text(),
  }
}

const login = (from: string, email = 'nobody@test.example') =>
  send('/api/users/login', from, { method: 'POST', body: { email, password: 'wrong' } })

/** A GraphQL read the cache has never seen, so it must be computed. */
let fresh = 0
const uncachedRead = (from: string) =>
  send(
    `/api/graphql?query=${encodeURIComponent(`{ Site { name } n${fresh++}: Site { name } }`)}`,
    from,
  )

function expectRateLimited(answer: Answer) {
  expect(answer.status).toBe(429)
  expect(Number(answer.retryAfter)).toBeGreaterThan(0)
  const body = JSON.parse(answer.body) as {
    errors: { message: string; extensions: { code: string } }[]
  }
  expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED')
  expect(body.errors[0]?.message).toMatch(/Too many requests/)
}

test('a login flood meets 429s from its address while another address logs in normally', async () => {
  const flood = []
  for (let i = 0; i < limits.publicWritesPerMinute + 3; i++) flood.push(await login('198.51.100.1'))
  expect(flood.slice(0, limits.publicWritesPerMinute).every((a) => a.status === 401)).toBe(true)
  expectRateLimited(flood.at(-1)!)
  // Another address is not affected, and the right password works from it.
  expect((await login('198.51.100.2')).status).toBe(401)
  const ok = await send('/api/users/login', '198.51.100.2', {
    method: 'POST',
    body: { email: editor.email, password: editor.password },
  })
  expect(ok.status).toBe(200)
})

test('every public write shares the limit: forgot and reset password, unlock, first user, GraphQL login', async () => {
  const from = '198.51.100.3'
  const writes = [
    () =>
      send('/api/users/forgot-password', from, {
        method: 'POST',
        body: { email: 'a@test.example' },
      }),
    () =>
      send('/api/users/reset-password', from, {
        method: 'POST',
        body: { token: 'x', password: 'y' },
      }),
    () => send('/api/users/unlock', from, { method: 'POST', body: { email: 'a@test.example' } }),
    () =>
      send('/api/users/first-register', from, {
        method: 'POST',
        body: { email: 'a@test.example' },
      }),
    () =>
      send('/api/graphql', from, {
        method: 'POST',
        body: { query: 'mutation { loginUser(email: "a@test.example", password: "x") { token } }' },
      }),
  ]
  const answers = []
  for (let i = 0; i < limits.publicWritesPerMinute + 2; i++)
    answers.push(await writes[i % writes.length]!())
  expect(answers.slice(0, limits.publicWritesPerMinute).some((a) => a.status === 429)).toBe(false)
  expectRateLimited(answers.at(-1)!)
})

test('reads the cache cannot answer meet 429s past the burst; hits never do', async () => {
  const from = '198.51.100.4'
  // Fill the cache with one read first, from elsewhere.
  const cachedQuery = `/api/graphql?query=${encodeURIComponent('{ Site { name } }')}`
  await send(cachedQuery, '198.51.100.99')
  expect((await send(cachedQuery, '198.51.100.99')).cache).toBe('HIT')
  const answers = []
  for (let i = 0; i < limits.uncachedPerMinute + limits.uncachedBurst + 2; i++) {
    answers.push(await uncachedRead(from))
  }
  const allowed = limits.uncachedPerMinute + limits.uncachedBurst
  expect(answers.slice(0, allowed).every((a) => a.status === 200)).toBe(true)
  expectRateLimited(answers.at(-1)!)
  // The same address still gets every cached answer, and the probes.
  for (let i = 0; i < 30; i++) expect((await send(cachedQuery, from)).cache).toBe('HIT')
  for (const probe of ['/healthz', '/readyz']) expect((await send(probe, from)).status).toBe(200)
  // And a second address is served normally.
  expect((await uncachedRead('198.51.100.5')).status).toBe(200)
})

test('a logged-in editor behind a flooded address is counted apart, and autosaves without meeting a limit', async () => {
  const office = '198.51.100.6'
  for (let i = 0; i < limits.uncachedPerMinute + limits.uncachedBurst + 1; i++)
    await uncachedRead(office)
  expectRateLimited(await uncachedRead(office))
  const news = await idBySlug(payload, 'news', 'wie-es-weitergeht-kraefte-buendeln')
  // More autosaves than a minute of typing makes (one every two seconds), from the same office.
  for (let i = 0; i < 60; i++) {
    const save = await send(`/api/news/${news}?autosave=true&draft=true&depth=0`, office, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${editor.token}` },
      body: { title: `Entwurf ${i}` },
    })
    expect(save.status).toBe(200)
  }
  const own = await send('/api/users/me', office, {
    headers: { Authorization: `JWT ${editor.token}` },
  })
  expect(own.status).toBe(200)
})

test('a junk credential does not escape the public limits', async () => {
  const from = '198.51.100.7'
  for (let i = 0; i < limits.uncachedPerMinute + limits.uncachedBurst; i++) await uncachedRead(from)
  const junk = await send(
    `/api/graphql?query=${encodeURIComponent('{ a: Site { name } }')}`,
    from,
    {
      headers: { Authorization: 'JWT junk.junk.junk' },
    },
  )
  expectRateLimited(junk)
})

test('the client address comes from the trusted-proxy setting', async () => {
  resetLimits()
  const direct = await startCacheServer(payload, { rateLimits: limits, trustProxy: false })
  try {
    const sendDirect = (from: string) =>
      fetch(`${direct.base}/api/users/login`, {
        method: 'POST',
        headers: { 'X-Forwarded-For': from, 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@test.example', password: 'wrong' }),
      }).then((r) => r.status)
    // Trusting no proxy, every request is the socket's address, whatever X-Forwarded-For says.
    const statuses = []
    for (let i = 0; i < limits.publicWritesPerMinute + 1; i++)
      statuses.push(await sendDirect(`203.0.113.${i}`))
    expect(statuses.at(-1)).toBe(429)
  } finally {
    await direct.close()
    resetLimits()
  }
})

test('one password reset per address per interval, the same answer whether or not it exists', async () => {
  const ask = (email: string, from: string) =>
    send('/api/users/forgot-password', from, { method: 'POST', body: { email } })
  const known = await ask(editor.email, '198.51.100.20')
  const unknown = await ask('nobody-at-all@test.example', '198.51.100.21')
  expect(known.status).toBe(unknown.status)
  const again = [
    await ask(editor.email, '198.51.100.22'),
    await ask('nobody-at-all@test.example', '198.51.100.23'),
  ]
  for (const answer of again) {
    expect(answer.status).toBe(429)
    expect(Number(answer.retryAfter)).toBeGreaterThan(0)
  }
  expect(again[0]!.body).toBe(again[1]!.body)
})

test("a signer's steps are never refused by the limits on public writes from one address", async () => {
  // An institute behind one address: more colleagues sign than the public-write limit allows.
  const office = '198.51.100.30'
  const signatures = []
  for (let i = 0; i < limits.publicWritesPerMinute * 3; i++) {
    signatures.push(
      await send('/api/signatories/sign', office, {
        method: 'POST',
        body: { name: `Kollegin ${i}`, email: `kollegin-${i}@institut.example` },
      }),
    )
  }
  expect(signatures.filter((answer) => answer.status === 429)).toEqual([])
  // The same address's logins still meet the public-write limit.
  const logins = []
  for (let i = 0; i < limits.publicWritesPerMinute + 1; i++) logins.push(await login(office))
  expectRateLimited(logins.at(-1)!)
})

test("Next's link prefetches and navigations do not spend the address's allowance for uncached reads", async () => {
  const from = '198.51.100.31'
  const allowed = limits.uncachedPerMinute + limits.uncachedBurst
  for (let i = 0; i < allowed * 3; i++) {
    const prefetch = await send(`/de/news?_rsc=${i}`, from, {
      headers: { RSC: '1', 'Next-Router-Prefetch': i % 2 ? '1' : '0' },
    })
    expect(prefetch.status).not.toBe(429)
  }
  // The page views themselves are counted: the allowance is all still there.
  const reads = []
  for (let i = 0; i < allowed; i++) reads.push(await uncachedRead(from))
  expect(reads.map((answer) => answer.status)).toEqual(reads.map(() => 200))
  expectRateLimited(await uncachedRead(from))
})

test('one address fetching the signing form over and over meets a 429 page in its language, hits included; others still get a fresh form', async () => {
  const flood = '198.51.100.40'
  const forms = []
  for (let i = 0; i < limits.signingFormsPerMinute + 1; i++) {
    forms.push(await send('/en/declaration/sign', flood, { headers: { Accept: 'text/html' } }))
  }
  // Each form the limit lets through has its own stamp, never a placeholder; the ones after the
  // first come from the cache, which the limit counts too.
  expect(forms.slice(1, limits.signingFormsPerMinute).map((form) => form.cache)).toEqual(
    Array(limits.signingFormsPerMinute - 1).fill('HIT'),
  )
  for (const form of forms.slice(0, limits.signingFormsPerMinute)) {
    expect(form.status).toBe(200)
    expect(form.body).not.toContain(FORM_TOKEN_PLACEHOLDER)
    expect(form.body).toMatch(/name="formToken" value="\d{13}\./)
  }
  const refused = forms.at(-1)!
  expect(refused.status).toBe(429)
  expect(Number(refused.retryAfter)).toBeGreaterThan(0)
  expect(refused.body).toContain('<html lang="en"')
  expect(refused.body).not.toContain('formToken')
  // Another address, the office next door, still gets its form.
  const other = await send('/de/declaration/sign', '198.51.100.41', {
    headers: { Accept: 'text/html' },
  })
  expect(other.status).toBe(200)
  expect(other.body).toMatch(/name="formToken" value="\d{13}\./)
})
