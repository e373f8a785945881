/**
 * An update's send survives `kill -9` half-way: the next start goes on where it stopped, nobody
 * is skipped, and a mail is repeated only if its SMTP conversation was in flight at the kill (at
 * a set rate mail goes out one at a time, so at most one).
 */
import { createClient } from '@libsql/client'
import { jest } from '@jest/globals'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'
import { startSmtpSink, type SmtpSink } from '../helpers/smtpSink'
import { templateDatabase } from '../helpers/testEnv'

jest.setTimeout(180_000)

const SUBSCRIBERS = 60
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-update-killed-'))
const database = path.join(dir, 'portal.db')
const servers: ProductionServer[] = []
let sink: SmtpSink

const start = async () => {
  const server = await startProductionServer({
    DATABASE_URI: `file:${database}`,
    MEDIA_DIR: path.join(dir, 'media'),
    // Both processes send to the one sink of this test, 20 mails a second.
    ...sink.env,
    UPDATES_MAILS_PER_SECOND: '20',
  })
  servers.push(server)
  return server
}

const addresses = Array.from({ length: SUBSCRIBERS }, (_, i) => `reader-${i}@example.org`)

/** Confirmed subscribers, written as the subscription flow leaves them. */
async function addSubscribers(): Promise<void> {
  const db = createClient({ url: `file:${database}` })
  const confirmed = new Date(Date.now() - 60_000).toISOString()
  await db.batch(
    addresses.map((email, i) => ({
      sql:
        'INSERT INTO subscribers (id, email, status, language, source, confirmed_at, updated_at, created_at) ' +
        "VALUES (?, ?, 'active', ?, 'form', ?, ?, ?)",
      args: [crypto.randomUUID(), email, i % 2 ? 'en' : 'de', confirmed, confirmed, confirmed],
    })),
    'write',
  )
  db.close()
}

async function send(server: ProductionServer, token: string): Promise<string> {
  const headers = { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
  const created = await fetch(`${server.url}/api/updates`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ subject: 'Vor dem Absturz', body: 'Ein Text.' }),
  })
  expect(created.status).toBe(201)
  const id = ((await created.json()) as { doc: { id: string } }).doc.id
  const sending = await fetch(`${server.url}/api/updates/${id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ status: 'sending' }),
  })
  expect(sending.status).toBe(200)
  return id
}

beforeAll(async () => {
  sink = await startSmtpSink()
  fs.copyFileSync(templateDatabase, database)
})
afterAll(async () => {
  for (const server of servers) await server.stop()
  await sink?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('a send killed half-way resumes at the next start: nobody skipped, at most the mail in flight repeated', async () => {
  const first = await start()
  await addSubscribers()
  const id = await send(first, await loginToken(first))
  while (sink.received.length < SUBSCRIBERS / 3) await new Promise((r) => setTimeout(r, 10))
  await first.kill()
  const atKill = sink.received.length
  expect(atKill).toBeLessThan(SUBSCRIBERS)

  const second = await start()
  const token = await loginToken(second)
  const deadline = Date.now() + 60_000
  let status = ''
  while (Date.now() < deadline) {
    const res = await fetch(`${second.url}/api/updates/${id}`, {
      headers: { Authorization: `JWT ${token}` },
    })
    status = ((await res.json()) as { status: string }).status
    if (status === 'sent') break
    await new Promise((r) => setTimeout(r, 200))
  }
  expect(status).toBe('sent')

  const perAddress = new Map<string, number>()
  for (const mail of sink.received) {
    if (mail.subject !== 'Vor dem Absturz') continue
    for (const to of mail.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1)
  }
  // Nobody skipped.
  expect(addresses.filter((address) => !perAddress.has(address))).toEqual([])
  // One mail at a time at a set rate: at most the one in flight at the kill was sent twice.
  const repeats = [...perAddress.values()].reduce((sum, n) => sum + n - 1, 0)
  console.info(`${atKill} mails before the kill, ${repeats} repeated after it`)
  expect(repeats).toBeLessThanOrEqual(1)
})
