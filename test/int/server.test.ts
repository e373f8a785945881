import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { Payload } from 'payload'

import { createApp } from '@/process/app'
import { edgeSettings } from '@/edge/settings'
import { readEnvironment } from '@/core/env'

import { startPayload, stopPayload } from '../helpers/api'

let payload: Payload
let server: Server
let base: string
let shuttingDown = false

beforeAll(async () => {
  payload = await startPayload()
  // Next itself is exercised by the browser and production-start tests; here the express layer is
  // under test, so the hand-off target only records that it was reached.
  const app = createApp({
    payload,
    handle: (_req, res) => res.status(418).end('handed to next'),
    https: true,
    isShuttingDown: () => shuttingDown,
    edge: edgeSettings(readEnvironment()),
  })
  server = app.listen(0)
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await stopPayload(payload).catch(() => undefined)
})

test('/healthz answers while the process lives', async () => {
  const res = await fetch(`${base}/healthz`)
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({ status: 'ok' })
  expect(res.headers.get('cache-control')).toBe('no-store')
})

test('/readyz answers 200 when the database does, and says whether mail goes out', async () => {
  const res = await fetch(`${base}/readyz`)
  expect(res.status).toBe(200)
  // The test process has no SMTP: outside production, mail goes to the log.
  expect(await res.json()).toEqual({
    status: 'ready',
    database: payload.db.name,
    mail: { smtp: false, warning: expect.stringMatching(/written to the log/) },
    // No search index is started in this test process: search reports it as off.
    search: { state: 'off' },
    // Nor a warm-up of the read cache (the production server's, test/e2e/warmUp.test.ts).
    warmUp: { state: 'off' },
    refresh: { state: 'off' },
    // A lone process: no bus to other replicas, and (in tests) the runner of its own jobs.
    replica: { name: 'server', pid: process.pid, bus: 'none', jobRunner: true },
  })
})

test('every response carries a request id and the security headers', async () => {
  const own = await fetch(`${base}/healthz`)
  expect(own.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  const given = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'trace-123' } })
  expect(given.headers.get('x-request-id')).toBe('trace-123')
  for (const hostile of ['a b<script>', 'x'.repeat(300)]) {
    const res = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': hostile } })
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
  }
  expect(own.headers.get('x-content-type-options')).toBe('nosniff')
  expect(own.headers.get('strict-transport-security')).toContain('max-age')
  expect(own.headers.get('x-powered-by')).toBeNull()
})

test('everything else is handed to Next', async () => {
  const res = await fetch(`${base}/admin`)
  expect(res.status).toBe(418)
  expect(await res.text()).toBe('handed to next')
})

test('/readyz answers 503 while shutting down', async () => {
  shuttingDown = true
  const res = await fetch(`${base}/readyz`)
  shuttingDown = false
  expect(res.status).toBe(503)
})

test('/readyz answers 503 when the database does not answer', async () => {
  ;(payload.db as unknown as SQLiteAdapter).client.close()
  const res = await fetch(`${base}/readyz`)
  expect(res.status).toBe(503)
  expect((await res.json()).status).toBe('unavailable')
  const alive = await fetch(`${base}/healthz`)
  expect(alive.status).toBe(200)
})
