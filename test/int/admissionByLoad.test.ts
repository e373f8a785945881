/**
 * Admission by load at the edge (src/edge/load/, docs/limits.md), over HTTP: the express layer
 * with a stand-in for Next's pages that holds `/xx/hold…` requests until the test lets them go,
 * so the gate's slots fill without real CPU load, and a load signal whose saturation the test
 * sets. What a person sees when refused, and who is refused first.
 */
import type { Request, Response } from 'express'
import type { Payload } from 'payload'

import { injectedLoad, type LoadReading } from '@/edge/load/loadSignal'

import { startPayload, stopPayload } from '../helpers/api'
import { startCacheServer, type CacheServer } from '../helpers/cacheServer'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await stopPayload(payload)
})

/** The gate's starting limit (src/edge/load/fromSettings.ts): this many run before any waits. */
const INITIAL_LIMIT = 16
const calm: LoadReading = { delayMs: 2, utilization: 0.2 }
const busy: LoadReading = { delayMs: 400, utilization: 1 }

type Held = { release: () => void; count: () => number }

/** A server whose page stand-in holds `/xx/hold…` requests; `reading` is its load signal. */
async function gatedServer(
  reading: () => LoadReading,
  maxWaiting = 2,
): Promise<CacheServer & Held> {
  const waiting: Response[] = []
  let holding = true
  let received = 0
  const pages = (req: Request, res: Response) => {
    received++
    if (holding && /^\/[a-z]{2}\/hold/.test(req.path)) waiting.push(res)
    else res.type('html').send('<p>page</p>')
  }
  const server = await startCacheServer(payload, {
    admission: { byLoad: true, maxWaiting, maxEventLoopDelayMs: 100 },
    loadSignal: injectedLoad({ maxDelayMs: 100, maxUtilization: 0.98 }, reading),
    pages,
  })
  return {
    ...server,
    release: () => {
      holding = false
      for (const res of waiting.splice(0)) res.type('html').send('<p>held page</p>')
    },
    count: () => received,
  }
}

type Answer = { status: number; retryAfter: string | null; type: string; body: string }

const get = (base: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { 'X-Forwarded-For': '203.0.113.9', ...headers } }).then(
    async (res): Promise<Answer> => ({
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      type: res.headers.get('content-type') ?? '',
      body: await res.text(),
    }),
  )

const html = { Accept: 'text/html,application/xhtml+xml' }
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) await pause(10)
  expect(condition()).toBe(true)
}

/** Pages the stand-in holds, `count` of them, once the gate's starting limit of them runs. */
async function fillSlots(server: CacheServer & Held, locale: string, count = INITIAL_LIMIT) {
  const running = Array.from({ length: count }, (_, i) =>
    get(server.base, `/${locale}/hold-${i}`, html),
  )
  await until(() => server.count() === INITIAL_LIMIT)
  return running
}

test('while the process has room, nobody is refused however many arrive at once', async () => {
  const server = await gatedServer(() => calm, 100)
  try {
    const crowd = Array.from({ length: 30 }, (_, i) => get(server.base, `/de/hold-${i}`, html))
    const searches = Array.from({ length: 5 }, () => get(server.base, '/de/search', html))
    // The starting limit runs at once; the others wait for a slot, and nobody is refused.
    await until(() => server.count() >= INITIAL_LIMIT)
    server.release()
    const answers = await Promise.all([...crowd, ...searches])
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200))
  } finally {
    server.release()
    await server.close()
  }
})

test('while saturated, the lowest class waiting is refused first, with a 503 and Retry-After', async () => {
  const server = await gatedServer(() => busy)
  try {
    const running = await fillSlots(server, 'de')
    // The line holds two: a page and a search (the form alone; results need the index) wait.
    const page = get(server.base, '/de/hold-waiting', html)
    await pause(50)
    const search = get(server.base, '/de/search', html)
    await pause(50)
    // A signer arrives at a full line: the search (lowest) makes room for them.
    const signer = get(server.base, '/de/declaration/sign/sent', html)
    const refusedSearch = await search
    expect(refusedSearch.status).toBe(503)
    expect(Number(refusedSearch.retryAfter)).toBeGreaterThanOrEqual(1)
    expect(refusedSearch.body).toContain('Das Portal ist im Moment ausgelastet.')
    // A prefetch is lower than everyone waiting: refused at once, as JSON for Next's router.
    const prefetch = await get(server.base, '/de/news?_rsc=abc', {
      RSC: '1',
      'Next-Router-Prefetch': '1',
    })
    expect(prefetch.status).toBe(503)
    expect(JSON.parse(prefetch.body).errors[0].extensions.code).toBe('OVERLOADED')
    // Nothing is let in past the running ones while saturated.
    expect(server.count()).toBe(INITIAL_LIMIT)
    server.release()
    await Promise.all(running)
    expect((await signer).status).toBe(200)
    expect((await page).status).toBe(200)
  } finally {
    server.release()
    await server.close()
  }
})

test('a refused browser gets a page in its language that tries again by itself; an API gets JSON', async () => {
  const server = await gatedServer(() => busy)
  try {
    const running = await fillSlots(server, 'de', INITIAL_LIMIT + 2)
    await pause(100)
    // The line is full of pages: another page (same class) is refused at once.
    const de = await get(server.base, '/de/declaration', html)
    expect(de.status).toBe(503)
    expect(de.type).toMatch(/text\/html/)
    expect(de.body).toContain('<html lang="de">')
    expect(de.body).toContain('Das Portal ist im Moment ausgelastet.')
    expect(de.body).toMatch(
      new RegExp(`<meta http-equiv="refresh" content="${de.retryAfter}; url=/de/declaration">`),
    )
    const en = await get(server.base, '/en/news?page=2', html)
    expect(en.status).toBe(503)
    expect(en.body).toContain('<html lang="en">')
    expect(en.body).toContain('The portal is busy at the moment.')
    expect(en.body).toContain('url=/en/news?page=2')
    const graphql = await get(
      server.base,
      `/api/graphql?query=${encodeURIComponent('{ busy: Site { name } }')}`,
      html,
    )
    expect(graphql.status).toBe(503)
    const body = JSON.parse(graphql.body) as {
      errors: { message: string; extensions: { code: string; retryAfter: number } }[]
    }
    expect(body.errors[0]!.extensions.code).toBe('OVERLOADED')
    expect(body.errors[0]!.message).toMatch(/busy/)
    server.release()
    await Promise.all(running)
  } finally {
    server.release()
    await server.close()
  }
})

test("a signer's step waits its turn and is let in as soon as a slot frees, never refused for a page's sake", async () => {
  let reading = busy
  const server = await gatedServer(() => reading)
  try {
    const running = await fillSlots(server, 'en')
    const pages = [get(server.base, '/en/hold-a', html), get(server.base, '/en/hold-b', html)]
    await pause(50)
    // A confirmation and someone opening the signing form each take a waiting page's place.
    const confirm = get(server.base, '/en/declaration/confirm?token=abc', html)
    await pause(50)
    const form = get(server.base, '/en/declaration/sign', html)
    await pause(50)
    // The thread calms down; the held pages finish and the signers go first.
    reading = calm
    server.release()
    await Promise.all(running)
    expect((await confirm).status).toBe(200)
    expect((await form).status).toBe(200)
    const answers = await Promise.all(pages)
    expect(answers.map((a) => a.status)).toEqual([503, 503])
  } finally {
    server.release()
    await server.close()
  }
})

test("a signer's form refused without JavaScript keeps what they typed and leads back to the form", async () => {
  const server = await gatedServer(() => busy)
  try {
    const running = await fillSlots(server, 'de')
    // The line is full of signers already: one more is refused, the only time a signer is.
    const waiting = [
      get(server.base, '/en/declaration/sign/sent', html),
      get(server.base, '/de/declaration/sign/sent', html),
    ]
    await pause(100)
    const form = new URLSearchParams({
      locale: 'en',
      name: 'Ada Lovelace',
      email: 'ada@institute.example',
      organization: 'Analytical Engines',
    })
    const res = await fetch(`${server.base}/api/signatories/sign`, {
      method: 'POST',
      headers: { ...html, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    })
    const body = await res.text()
    expect(res.status).toBe(503)
    expect(body).toContain('<html lang="en">')
    expect(body).toContain('What you typed into the form is kept')
    expect(body).toContain('url=/en/declaration/sign?error=busy')
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    // Sealed: nothing the signer typed is readable in the cookie.
    expect(cookie).not.toContain('ada')
    expect(cookie).not.toContain('Lovelace')
    server.release()
    await Promise.all([...running, ...waiting])
  } finally {
    server.release()
    await server.close()
  }
})

test('clients that leave do not free their slots while their pages are still being rendered', async () => {
  const server = await gatedServer(() => busy)
  try {
    const leaving = new AbortController()
    const send = (i: number, signal?: AbortSignal) =>
      fetch(`${server.base}/de/hold-${i}`, {
        headers: { 'X-Forwarded-For': '203.0.113.10', ...html },
        signal,
      }).then(
        (res) => res.status,
        () => 'aborted',
      )
    // 13 of the 16 running leave: enough that, counted as done, the backed-off limit (4 at least)
    // would have room for the next page.
    const running = Array.from({ length: INITIAL_LIMIT }, (_, i) =>
      send(i, i < 13 ? leaving.signal : undefined),
    )
    await until(() => server.count() === INITIAL_LIMIT)
    leaving.abort()
    // The renders of the pages that were left still run: the next page waits for a slot.
    const next = get(server.base, '/de/next', html)
    await pause(300)
    expect(server.count()).toBe(INITIAL_LIMIT)
    server.release()
    expect((await next).status).toBe(200)
    expect(await Promise.all(running)).toEqual([...Array(13).fill('aborted'), 200, 200, 200])
  } finally {
    server.release()
    await server.close()
  }
})
