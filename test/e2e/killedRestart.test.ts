/**
 * A portal killed with `kill -9` in the middle of saves comes back at once when its supervisor
 * starts it again (issue 24): the lock on the data its dead process left behind does not refuse
 * the start, and every save acknowledged before the kill is there.
 */
import { jest } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'
import { templateDatabase } from '../helpers/testEnv'

jest.setTimeout(120_000)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-killed-'))
const servers: ProductionServer[] = []

const start = async () => {
  const server = await startProductionServer({
    DATABASE_URI: `file:${path.join(dir, 'portal.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    SMTP_HOST: '',
  })
  servers.push(server)
  return server
}

beforeAll(() => fs.copyFileSync(templateDatabase, path.join(dir, 'portal.db')))
afterAll(async () => {
  for (const server of servers) await server.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Saves news one after another until stopped; the ids whose save was answered 201. */
function saveNews(server: ProductionServer, token: string) {
  const acknowledged: string[] = []
  let stopped = false
  const running: Promise<void> = (async () => {
    for (let i = 0; !stopped; i++) {
      try {
        const res = await fetch(`${server.url}/api/news`, {
          method: 'POST',
          headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: `Before the kill ${i}`, _status: 'published' }),
        })
        if (res.status !== 201) throw new Error(`news save: ${res.status} ${await res.text()}`)
        acknowledged.push(((await res.json()) as { doc: { id: string } }).doc.id)
      } catch (error) {
        // The kill cuts the save in flight; only answered saves count.
        if (!stopped) throw error
      }
    }
  })()
  return {
    acknowledged,
    stop: () => {
      stopped = true
      return running
    },
  }
}

test('a start right after kill -9 is up at once, with every acknowledged save', async () => {
  const first = await start()
  const saves = saveNews(first, await loginToken(first))
  while (saves.acknowledged.length < 5) await new Promise((resolve) => setTimeout(resolve, 20))

  const killedAt = Date.now()
  const saving = saves.stop() // the save in flight goes on until the kill cuts it
  await first.kill()
  await saving
  // Started as a supervisor would, at once: before, this start was refused for 10 s ("another
  // process holds the lock … counts as free 10 s after it died").
  const second = await start()
  console.info(`up again ${Date.now() - killedAt} ms after kill -9`)
  expect(second.output()).not.toMatch(/holds the lock/)

  const token = await loginToken(second)
  const found = new Set<string>()
  const ids = saves.acknowledged
  const query = ids.map((id, i) => `where[id][in][${i}]=${id}`).join('&')
  const res = await fetch(`${second.url}/api/news?${query}&limit=${ids.length}&depth=0`, {
    headers: { Authorization: `JWT ${token}` },
  })
  expect(res.status).toBe(200)
  for (const doc of ((await res.json()) as { docs: { id: string }[] }).docs) found.add(doc.id)
  expect(ids.filter((id) => !found.has(id))).toEqual([])
})
