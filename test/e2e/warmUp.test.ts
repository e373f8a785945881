/**
 * The read cache's warm-up after a start (issue 23, "no visitor pays for a cold cache"): once
 * /readyz says it is done, the first visitor of each hot page, in both languages, gets a hit.
 */
import { hotPaths } from '@/process/warmUp'

import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'

let server: ProductionServer

beforeAll(async () => {
  server = await startProductionServer({ READ_CACHE_WARM_UP: 'on' })
}, 120_000)
afterAll(() => server?.stop())

type Readiness = {
  warmUp: { state: string; pages?: number; failed?: string[]; ms?: number }
  refresh: { state: string; pages?: number; failed?: number }
}

const readiness = async () => (await (await fetch(`${server.url}/readyz`)).json()) as Readiness

async function warmedUp(): Promise<Readiness['warmUp']> {
  for (;;) {
    const { warmUp } = await readiness()
    if (warmUp.state !== 'running') return warmUp
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

test('the first visit of every hot page after a start is a cache hit', async () => {
  const paths = hotPaths()
  expect(paths).toEqual(expect.arrayContaining(['/de', '/en', '/de/declaration', '/en/news']))
  const warmUp = await warmedUp()
  console.info(`warm-up: ${paths.length} pages in ${warmUp.ms} ms`)
  expect(warmUp).toEqual({
    state: 'done',
    pages: paths.length,
    failed: [],
    ms: expect.any(Number),
  })
  for (const path of paths) {
    // As a browser asks: Chrome and Firefox both accept gzip, the encoding the page is kept in.
    const res = await fetch(`${server.url}${path}`, { headers: browser })
    expect([path, res.status, res.headers.get('x-cache')]).toEqual([path, 200, 'HIT'])
  }
}, 60_000)

const browser = { 'Accept-Encoding': 'gzip, deflate, br' }

test('a page readers use that a publish removed is rendered again before the next reader asks', async () => {
  await warmedUp()
  // Read twice: a page readers come back to (the cache's protected segment).
  for (let i = 0; i < 2; i++) await fetch(`${server.url}/de/news`, { headers: browser })
  const before = await readiness()
  const token = await loginToken(server)
  const title = `Nach der Warm-up-Probe ${Date.now()}`
  const created = await fetch(`${server.url}/api/news`, {
    method: 'POST',
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, _status: 'published' }),
  })
  expect(created.status).toBe(201)
  let after = await readiness()
  while (after.refresh.pages! <= before.refresh.pages!) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    after = await readiness()
  }
  expect(after.refresh.failed).toBe(before.refresh.failed)
  const res = await fetch(`${server.url}/de/news`, { headers: browser })
  expect(res.headers.get('x-cache')).toBe('HIT')
  // The hit shows the publish: the refresh rendered after the commit.
  expect(await res.text()).toContain(title)
}, 60_000)

test('without the warm-up, the first visit renders (the setting turns it off)', async () => {
  const cold = await startProductionServer()
  try {
    const res = await fetch(`${cold.url}/de`)
    expect(res.headers.get('x-cache')).toBe('MISS')
    const { warmUp, refresh } = (await (await fetch(`${cold.url}/readyz`)).json()) as Readiness
    expect(warmUp).toEqual({ state: 'off' })
    expect(refresh).toEqual({ state: 'off' })
  } finally {
    await cold.stop()
  }
}, 120_000)
