/**
 * The purge of the local Varnish: the tags go in `xkey-purge`, split so no header outgrows
 * Varnish's limit; a Varnish that hangs or refuses costs at most the timeout and is logged,
 * never thrown at the writer.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { varnishPurger } from '@/operations/sharedCache/varnish'
import { readEnvironment } from '@/core/env'

type Seen = { method?: string; keys: string }

async function fakeVarnish(answer: 'ok' | 'hang' | 500) {
  const seen: Seen[] = []
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method, keys: String(req.headers['xkey-purge'] ?? '') })
    if (answer === 'hang') return
    res.writeHead(answer === 'ok' ? 200 : 500).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return { url, seen, close }
}

const logged = () => {
  const errors: unknown[] = []
  return { errors, logger: { error: (entry: unknown) => void errors.push(entry) } }
}

test('tags go out in PURGE requests, each header within 4000 characters, none lost', async () => {
  const varnish = await fakeVarnish('ok')
  const { errors, logger } = logged()
  const tags = Array.from({ length: 300 }, (_, i) => `d:news:${'x'.repeat(30)}${i}`)
  await varnishPurger(varnish.url, 1000, logger as never)(tags)
  await varnish.close()
  expect(varnish.seen.every((s) => s.method === 'PURGE' && s.keys.length <= 4000)).toBe(true)
  expect(varnish.seen.length).toBeGreaterThan(1)
  expect(varnish.seen.flatMap((s) => s.keys.split(' ')).sort()).toEqual([...tags].sort())
  expect(errors).toEqual([])
})

test.each(['hang', 500] as const)(
  'a Varnish that answers %s is logged, not thrown',
  async (answer) => {
    const varnish = await fakeVarnish(answer)
    const { errors, logger } = logged()
    await expect(
      varnishPurger(varnish.url, 300, logger as never)(['c:news']),
    ).resolves.toBeUndefined()
    await varnish.close()
    expect(errors).toEqual([expect.objectContaining({ msg: 'purging the shared cache failed' })])
  },
)

test('VARNISH_PURGE_URL must be an http(s) address', () => {
  expect(() => readEnvironment({ VARNISH_PURGE_URL: 'varnish:6081' })).toThrow(
    'VARNISH_PURGE_URL must be an http(s) URL',
  )
  expect(readEnvironment({ VARNISH_PURGE_URL: 'http://127.0.0.1:6081/' }).varnishPurgeUrl).toBe(
    'http://127.0.0.1:6081/',
  )
})
