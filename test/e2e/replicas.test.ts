/**
 * `npm start` with two workers on one SQLite file (issue 24): what one worker writes, the other
 * serves on the next read; a limit counts across both; the job queues run in one of them, and in
 * the other within seconds of its death; a dead worker is replaced, a reload (SIGHUP) loses no
 * request, a reload onto a deploy without a build leaves the old workers serving, and after
 * `kill -9` of the supervisor a new start serves within seconds (a SIGHUP during it is ignored).
 */
import { jest } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { deployFolder } from '../helpers/deployFolder'
import { onFreshConnection } from '../helpers/freshConnection'
import { pidsOf, replicasAnswering, type Replica } from '../helpers/replicas'
import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'
import { templateDatabase } from '../helpers/testEnv'

jest.setTimeout(180_000)

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-replicas-'))
const settings = {
  WEB_CONCURRENCY: '2',
  DATABASE_URI: `file:${path.join(dir, 'portal.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  SUBSCRIBE_WITHOUT_PROOF_PER_ADDRESS_PER_HOUR: '10',
}
// Run from a folder laid out as a deploy, whose build a test can take away (a broken deploy).
const deploy = deployFolder()
let server: ProductionServer
let token: string

beforeAll(async () => {
  fs.copyFileSync(templateDatabase, path.join(dir, 'portal.db'))
  server = await startProductionServer(settings, { cwd: deploy.dir })
  await bothServing()
  token = await loginToken(server)
})
afterAll(async () => {
  await server?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
  deploy.remove()
})

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const replicas = (count = 4) => replicasAnswering(server.url, count)

/** Polls until `ok` holds for the workers seen, or fails after `ms`. */
async function until(ok: (seen: Replica[]) => boolean, ms: number): Promise<Replica[]> {
  const deadline = Date.now() + ms
  for (;;) {
    const seen = await replicas()
    if (ok(seen)) return seen
    if (Date.now() > deadline) {
      throw new Error(
        `not within ${ms} ms: ${JSON.stringify(seen)}\n${server.output().slice(-4000)}`,
      )
    }
    await pause(200)
  }
}

/** The first worker answers before the supervisor starts the second. */
const bothServing = () => until((seen) => pidsOf(seen).length === 2, 60_000)

const principleQuery = JSON.stringify({
  query: '{ Principles(limit: 1, sort: "order") { docs { id title } } }',
})

async function readPrinciple(): Promise<{ cache: string; id: string; title: string }> {
  const answer = await onFreshConnection(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: principleQuery,
  })
  const doc = (
    JSON.parse(answer.body) as { data: { Principles: { docs: { id: string; title: string }[] } } }
  ).data.Principles.docs[0]!
  return { cache: String(answer.headers['x-cache']), ...doc }
}

test('two workers serve on one port, over the supervisor’s bus, one of them running the jobs', async () => {
  const seen = await replicas(6)
  expect(pidsOf(seen)).toHaveLength(2)
  expect(seen.every((replica) => replica.bus === 'ipc')).toBe(true)
  const runners = new Set(seen.filter((replica) => replica.jobRunner).map((r) => r.pid))
  expect(runners.size).toBe(1)
})

test('a publish through one worker is what readers of both get on their next read', async () => {
  // Both workers hold the answer in their caches: two hits in a row, one from each.
  const warm = [await readPrinciple(), await readPrinciple()]
  while (warm.slice(-2).some((read) => read.cache !== 'HIT') && warm.length < 8) {
    warm.push(await readPrinciple())
  }
  expect(warm.slice(-2).map((read) => read.cache)).toEqual(['HIT', 'HIT'])
  const { id } = warm[0]!
  for (let round = 1; round <= 5; round++) {
    const title = `Rahmenbedingungen mitgestalten (${round})`
    const saved = await onFreshConnection(`${server.url}/api/principles/${id}?locale=de`, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title, _status: 'published' }),
    })
    expect(saved.status).toBe(200)
    // Right after the answer, on each worker in turn: never the old title.
    const reads = [await readPrinciple(), await readPrinciple(), await readPrinciple()]
    expect(reads.map((read) => read.title)).toEqual([title, title, title])
  }
})

/** Subscribes `email` without proof of work, as a browser without JavaScript would. */
const subscribe = (email: string, from: string) =>
  onFreshConnection(`${server.url}/api/subscribers/subscribe`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'application/json',
      'X-Forwarded-For': from,
    },
    body: new URLSearchParams({ email, locale: 'de' }).toString(),
  })

test('a limit counts across the workers; every mail goes out once, whichever worker queued it', async () => {
  const statuses: number[] = []
  const addresses = Array.from({ length: 12 }, (_, i) => `replica-${i}@example.org`)
  for (const email of addresses) statuses.push((await subscribe(email, '198.51.100.24')).status)
  // Ten an hour from one address: per worker, twelve would all have passed.
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200))
  expect(statuses.slice(10)).toEqual([429, 429])
  for (const email of addresses.slice(0, 10)) {
    await server.mail.waitFor((mail) => mail.to.includes(email), 15_000)
  }
  await pause(1_500)
  const confirmations = server.mail.received.filter((mail) =>
    mail.to.some((to) => to.startsWith('replica-')),
  )
  expect(confirmations).toHaveLength(10)
})

test('saves through both workers at once all succeed: SQLite’s writer is taken in turn', async () => {
  const saves = await Promise.all(
    Array.from({ length: 24 }, (_, i) =>
      onFreshConnection(`${server.url}/api/news`, {
        method: 'POST',
        headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: `Saved in parallel ${i}`, _status: 'published' }),
      }),
    ),
  )
  expect(saves.map((save) => save.status)).toEqual(Array(24).fill(201))
})

test('a runner killed mid-send: every mail goes out, twice only if its SMTP conversation was under way', async () => {
  const held = server.mail.hold()
  const emails = Array.from({ length: 8 }, (_, i) => `mid-send-${i}@example.org`)
  for (const [i, email] of emails.entries()) {
    expect((await subscribe(email, `198.51.100.${60 + i}`)).status).toBe(200)
  }
  const deadline = Date.now() + 15_000
  while (held.waiting() === 0 && Date.now() < deadline) await pause(50)
  await pause(500) // the pool's other connections take their mails too
  const inFlight = held.waiting()
  expect(inFlight).toBeGreaterThan(0)
  const runner = (await replicas(4)).find((replica) => replica.jobRunner)!
  process.kill(runner.pid, 'SIGKILL')
  // The mail server had those messages; the dead runner never heard it answer.
  held.release()
  for (const email of emails) {
    await server.mail.waitFor((mail) => mail.to.includes(email), 30_000)
  }
  await pause(2_000)
  const counts = emails.map(
    (email) => server.mail.received.filter((mail) => mail.to.includes(email)).length,
  )
  const repeated = counts.reduce((sum, count) => sum + count, 0) - emails.length
  console.info(
    `killed mid-send with ${inFlight} conversations under way: ${repeated} mails repeated`,
  )
  expect(repeated).toBeLessThanOrEqual(inFlight)
  await bothServing()
})

/** Readers of a page, three at a time on fresh connections, until `stop` resolves: their statuses (0: no answer). */
async function readWhile(stop: Promise<unknown>): Promise<number[]> {
  let reading = true
  void stop.finally(() => (reading = false))
  const statuses: number[] = []
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      while (reading) {
        const answer = await onFreshConnection(`${server.url}/de`, { timeoutMs: 5_000 }).catch(
          () => null,
        )
        statuses.push(answer?.status ?? 0)
      }
    }),
  )
  return statuses
}

test('the job runner killed under load: the other worker serves and runs the jobs within seconds, the supervisor replaces it', async () => {
  const runner = (await replicas(4)).find((replica) => replica.jobRunner)!
  const killedAt = Date.now()
  let killed!: () => void
  const load = readWhile(new Promise<void>((resolve) => (killed = resolve)))
  await pause(500)
  process.kill(runner.pid, 'SIGKILL')
  // The surviving worker takes the lease over; the replacement's start (Next's preparation on a
  // busy machine) is not part of that, so it is waited for apart, with a bound against a hang.
  await until(
    (now) => now.some((replica) => replica.jobRunner && replica.pid !== runner.pid),
    20_000,
  )
  const takenOver = Date.now() - killedAt
  const seen = await until(
    (now) =>
      pidsOf(now).length === 2 &&
      !pidsOf(now).includes(runner.pid) &&
      now.some((replica) => replica.jobRunner),
    60_000,
  )
  const replaced = Date.now() - killedAt
  killed()
  const statuses = await load
  const lost = statuses.filter((status) => status !== 200).length
  console.info(
    `jobs run again ${takenOver} ms after the runner's kill -9, a new worker serves after ` +
      `${replaced} ms; readers: ${statuses.length} requests, ${lost} without an answer`,
  )
  // Only what was in flight to the dead worker: at most one per reader.
  expect(lost).toBeLessThanOrEqual(3)
  expect(takenOver).toBeLessThan(15_000)
  expect(new Set(seen.filter((r) => r.jobRunner).map((r) => r.pid)).size).toBe(1)
  await subscribe('after-the-kill@example.org', '198.51.100.25')
  await server.mail.waitFor((mail) => mail.to.includes('after-the-kill@example.org'), 15_000)
})

test('a reload onto a deploy without a build stops at its first new worker: the old workers go on serving', async () => {
  const before = pidsOf(await replicas(4))
  expect(before).toHaveLength(2)
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-no-build-'))
  deploy.pointBuildAt(empty)
  let reloading = true
  const statuses: number[] = []
  const readers = Array.from({ length: 2 }, async () => {
    while (reloading) {
      const answer = await onFreshConnection(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: principleQuery,
      }).catch(() => null)
      statuses.push(answer?.status ?? 0)
    }
  })
  try {
    process.kill(server.pid, 'SIGHUP')
    const deadline = Date.now() + 60_000
    while (!server.output().includes('reload stopped, the old workers go on serving')) {
      if (Date.now() > deadline)
        throw new Error(`no end of the reload:\n${server.output().slice(-4000)}`)
      await pause(200)
    }
  } finally {
    reloading = false
    await Promise.all(readers)
    deploy.restoreBuild()
    fs.rmSync(empty, { recursive: true, force: true })
  }
  expect(server.alive()).toBe(true)
  expect(pidsOf(await replicas(4))).toEqual(before)
  expect(statuses.length).toBeGreaterThan(5)
  expect(statuses.filter((status) => status !== 200)).toEqual([])
})

// After the failed one above: a reload with the build back in place goes through.
test('a reload (SIGHUP) replaces both workers while readers lose no request', async () => {
  const before = pidsOf(await replicas(4))
  let reloading = true
  const statuses: number[] = []
  const readers = Array.from({ length: 3 }, async () => {
    while (reloading) {
      const answer = await onFreshConnection(`${server.url}/de`).catch(() => null)
      statuses.push(answer?.status ?? 0)
    }
  })
  process.kill(server.pid, 'SIGHUP')
  await until(
    (seen) => pidsOf(seen).length === 2 && !pidsOf(seen).some((pid) => before.includes(pid)),
    60_000,
  )
  reloading = false
  await Promise.all(readers)
  expect(statuses.length).toBeGreaterThan(20)
  expect(statuses.filter((status) => status !== 200)).toEqual([])
})

test('after kill -9 of the supervisor a new start serves within seconds', async () => {
  const killedAt = Date.now()
  await server.kill()
  // A SIGHUP while the new supervisor's first worker starts (a deploy script that reloads at
  // once) is ignored; the start goes on.
  server = await startProductionServer(settings, {
    cwd: deploy.dir,
    whileStarting: reloadOnceForked,
  })
  const upAfter = Date.now() - killedAt
  console.info(`serving again ${upAfter} ms after kill -9 of the supervisor`)
  await bothServing()
  expect(server.output()).toContain('SIGHUP ignored: the workers are still starting')
  expect(server.alive()).toBe(true)
  expect((await readPrinciple()).title).toBe('Rahmenbedingungen mitgestalten (5)')
})

/** Sends SIGHUP to a starting supervisor once it has forked its first worker (before that, it has no handler yet). */
async function reloadOnceForked(pid: number): Promise<void> {
  const children = `/proc/${pid}/task/${pid}/children`
  const deadline = Date.now() + 30_000
  while (!fs.readFileSync(children, 'utf8').trim()) {
    if (Date.now() > deadline) throw new Error('the supervisor forked no worker within 30 s')
    await pause(20)
  }
  process.kill(pid, 'SIGHUP')
}
