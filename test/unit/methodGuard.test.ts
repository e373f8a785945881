import express from 'express'
import fs from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { methodGuard, readServerActions, routePattern } from '@/edge/methodGuard'

test.each([
  [
    'app/(payload)/admin/[[...segments]]/page',
    ['/admin', '/admin/', '/admin/collections/news'],
    ['/de', '/administrator'],
  ],
  ['app/(frontend)/[locale]/news/[slug]/page', ['/de/news/x'], ['/de/news', '/de/news/x/y']],
  ['app/(frontend)/[locale]/[...rest]/page', ['/de/a', '/de/a/b'], ['/de']],
  ['app/(frontend)/page', ['/'], ['/de']],
])('%s serves exactly its paths', (worker, matching, other) => {
  const pattern = routePattern(worker)
  for (const p of matching) expect(p).toMatch(pattern)
  for (const p of other) expect(p).not.toMatch(pattern)
})

test('the server actions come from the build manifest, with the routes that have them', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'))
  const file = path.join(dir, 'm.json')
  fs.writeFileSync(
    file,
    JSON.stringify({
      node: { abc: { workers: { 'app/(payload)/admin/[[...segments]]/page': {} } } },
    }),
  )
  const actions = readServerActions(file)!
  expect([...actions.keys()]).toEqual(['abc'])
  expect('/admin/x').toMatch(actions.get('abc')![0]!)
  expect(readServerActions(path.join(dir, 'missing.json'))).toBeNull()
})

test('only a known server action, posted where it lives, reaches Next', async () => {
  const app = express()
  app.use(
    methodGuard(new Map([['known', [routePattern('app/(payload)/admin/[[...segments]]/page')]]])),
  )
  app.use((_req, res) => res.status(200).end('next'))
  const server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const post = (p: string, action: string) =>
    fetch(`${base}${p}`, { method: 'POST', headers: { 'Next-Action': action }, body: 'x' }).then(
      (r) => r.status,
    )
  try {
    expect(await post('/admin', 'known')).toBe(200)
    expect(await post('/admin/collections/news/1', 'known')).toBe(200)
    expect(await post('/admin', '')).toBe(404)
    expect(await post('/admin', 'isProto')).toBe(404)
    expect(await post('/de', 'known')).toBe(404)
    expect((await fetch(`${base}/admin`, { headers: { 'Next-Action': 'known' } })).status).toBe(404)
  } finally {
    server.close()
  }
})
