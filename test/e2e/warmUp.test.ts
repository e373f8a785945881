/**
 * The read cache's warm-up after a start (issue 23, "no visitor pays for a cold cache"): once
 * /readyz says it is done, the first visitor of each hot page, in both languages, gets a hit.
 */
import { hotPaths } from '@/process/warmUp'

import { startProductionServer, type ProductionServer } from '../helpers/productionServer'

let server: ProductionServer

beforeAll(async () => {
  server = await startProductionServer({ READ_CACHE_WARM_UP: 'on' })
}, 120_000)
afterAll(() => server?.stop())

type Readiness = { warmUp: { state: string; pages?: number; failed?: string[]; ms?: number } }

async function warmedUp(): Promise<Readiness['warmUp']> {
  for (;;) {
    const { warmUp } = (await (await fetch(`${server.url}/readyz`)).json()) as Readiness
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
    const res = await fetch(`${server.url}${path}`, {
      headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' },
    })
    expect([path, res.status, res.headers.get('x-cache')]).toEqual([path, 200, 'HIT'])
  }
}, 60_000)

test('without the warm-up, the first visit renders (the setting turns it off)', async () => {
  const cold = await startProductionServer()
  try {
    const res = await fetch(`${cold.url}/de`)
    expect(res.headers.get('x-cache')).toBe('MISS')
    const { warmUp } = (await (await fetch(`${cold.url}/readyz`)).json()) as Readiness
    expect(warmUp).toEqual({ state: 'off' })
  } finally {
    await cold.stop()
  }
}, 120_000)
