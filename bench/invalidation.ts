/**
 * How soon a write shows on the other worker (bench/replicas.ts, docs/benchmark.md "Replicas").
 *
 * Every request goes on a connection of its own, so the supervisor hands them to the workers in
 * turn. Per write: the HomePage GraphQL operation is read until every worker answers it from its
 * cache (HIT in a row), /readyz names the worker of that turn, an admin publishes a new title of
 * the newest news item (PATCH), and as soon as it is acknowledged the operation is read again
 * until both turns show the title: the odd reads go to the worker that did not take the write,
 * the even ones to the one that did. A last /readyz checks that the turns held (the worker it
 * lands on follows from the number of reads). A write waits for the other workers to drop what
 * it changed (src/replicas/bus.ts), so no read after the acknowledgement should be stale.
 */
import crypto from 'node:crypto'

import type { Target } from './load'
import { benchAdmin } from './server'
import { freshRequest, readyReplica } from './workers'

type Log = (line: string) => void

export type Quantiles = { p50: number; p99: number }

export type InvalidationResult = {
  workers: number
  writes: number
  /** From sending the PATCH to its answer: with several workers it includes the bus's wait. */
  patchMs: Quantiles
  /** Reads after an acknowledgement that did not show the write yet, over all writes (0 expected). */
  staleReads: number
  /** Writes whose first read after the acknowledgement was a cache MISS (the entry was dropped). */
  firstReadMisses: number
  /** From the acknowledgement to the answer of the first read on the other worker showing it. */
  otherWorkerMs: Quantiles
  /** Writes that one of the turns had not shown within READ_BOUND_MS. */
  neverSeen: number
  /** Writes whose reads landed on the workers as the turns predict (checked with /readyz). */
  turnsHeld: number
}

/** Longer than the bus's wait (BUS_WAIT_MS, 2 s): a write that is not seen by then never is. */
const READ_BOUND_MS = 5_000
/** Writes before the measured ones, dropped: the first writes of a process are slower. */
const UNCOUNTED_WRITES = 3

export const quantiles = (values: number[]): Quantiles => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted.length ? Math.round(sorted[Math.floor(q * (sorted.length - 1))]! * 10) / 10 : NaN
  return { p50: at(0.5), p99: at(0.99) }
}

async function adminToken(url: string): Promise<string> {
  const answer = await freshRequest(url, {
    method: 'POST',
    path: '/api/users/login',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(benchAdmin),
  })
  const token = (JSON.parse(answer.body) as { token?: string }).token
  if (answer.status !== 200 || !token)
    throw new Error(`replicas: the bench admin cannot log in (${answer.status})`)
  return token
}

async function newestNews(url: string, token: string): Promise<string> {
  const answer = await freshRequest(url, {
    method: 'GET',
    path: '/api/news?sort=-publishedAt&limit=1&depth=0',
    headers: { authorization: `JWT ${token}` },
  })
  const id = (JSON.parse(answer.body) as { docs: { id: string }[] }).docs[0]?.id
  if (!id) throw new Error(`replicas: no news to publish (${answer.status})`)
  return id
}

/** Reads until as many HITs in a row as there are workers (at least two): each holds the entry. */
async function warmEveryWorker(url: string, target: Target, workers: number): Promise<void> {
  let hits = 0
  for (let attempt = 0; attempt < 20; attempt++) {
    const answer = await freshRequest(url, target)
    if (answer.status !== 200) throw new Error(`replicas: ${target.name} answered ${answer.status}`)
    hits = answer.xCache === 'HIT' ? hits + 1 : 0
    if (hits >= Math.max(2, workers)) return
  }
  throw new Error(`replicas: ${target.name} was not a cache HIT on every worker in 20 reads`)
}

/**
 * Reads after the acknowledgement until both turns showed the title: index 1 (odd reads) is the
 * worker that did not take the write, index 0 the writer; with one worker both are the same.
 */
async function readUntilSeen(url: string, target: Target, title: string, acked: number) {
  const seenAfter: [number | null, number | null] = [null, null]
  let reads = 0
  let stale = 0
  let firstMiss = false
  while (
    (seenAfter[0] === null || seenAfter[1] === null) &&
    performance.now() - acked < READ_BOUND_MS
  ) {
    reads++
    const answer = await freshRequest(url, target)
    if (reads === 1) firstMiss = answer.xCache === 'MISS'
    if (answer.status === 200 && answer.body.includes(title))
      seenAfter[reads % 2] ??= performance.now() - acked
    else stale++
  }
  return { reads, stale, firstMiss, otherMs: seenAfter[1], writerMs: seenAfter[0] }
}

async function oneWrite(url: string, token: string, id: string, target: Target, workers: number) {
  await warmEveryWorker(url, target, workers)
  const before = await readyReplica(url)
  const title = `Replikat-Runde ${crypto.randomBytes(6).toString('hex')}`
  const started = performance.now()
  const patch = await freshRequest(url, {
    method: 'PATCH',
    path: `/api/news/${id}?locale=de`,
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ title, _status: 'published' }),
  })
  const acked = performance.now()
  if (patch.status !== 200)
    throw new Error(`replicas: publish answered ${patch.status}: ${patch.body.slice(0, 300)}`)
  const seen = await readUntilSeen(url, target, title, acked)
  const after = await readyReplica(url)
  // Turn 0 was `before`'s worker, the PATCH turn 1, read k turn k + 1, the last /readyz turn
  // reads + 2: on `before`'s worker again exactly when the number of reads is even.
  const turnsHeld = !!before && !!after && (after.pid === before.pid) === (seen.reads % 2 === 0)
  return { patchMs: acked - started, ...seen, turnsHeld }
}

/** `writes` publishes (after a few uncounted ones) and the reads after each, on one server. */
export async function invalidationRun(
  url: string,
  workers: number,
  target: Target,
  writes: number,
  log: Log,
): Promise<InvalidationResult> {
  const token = await adminToken(url)
  const id = await newestNews(url, token)
  for (let i = 0; i < UNCOUNTED_WRITES; i++) await oneWrite(url, token, id, target, workers)
  const probes: Awaited<ReturnType<typeof oneWrite>>[] = []
  for (let i = 1; i <= writes; i++) {
    probes.push(await oneWrite(url, token, id, target, workers))
    if (i % 10 === 0 || i === writes)
      log(
        `replicas: N=${workers} ${i}/${writes} writes, ` +
          `${probes.reduce((sum, p) => sum + p.stale, 0)} stale reads after the acknowledgement`,
      )
  }
  const seenOther = probes.map((p) => p.otherMs).filter((ms): ms is number => ms !== null)
  return {
    workers,
    writes,
    patchMs: quantiles(probes.map((p) => p.patchMs)),
    staleReads: probes.reduce((sum, p) => sum + p.stale, 0),
    firstReadMisses: probes.filter((p) => p.firstMiss).length,
    otherWorkerMs: quantiles(seenOther),
    neverSeen: probes.filter((p) => p.otherMs === null || p.writerMs === null).length,
    turnsHeld: probes.filter((p) => p.turnsHeld).length,
  }
}
