import cluster, { type Worker } from 'node:cluster'
import { once } from 'node:events'
import { RateLimiterClusterMaster } from 'rate-limiter-flexible'

import { BOOTSTRAP_WORKER } from '@/replicas/identity'

import { relayBetweenWorkers } from './relay'

/** How long a worker may take to finish its requests when told to stop, before it is killed. */
const STOP_WORKER_MS = 20_000

/** Restarts at once, unless workers keep dying right after they start: then a second between tries. */
const CRASH_LOOP = { within: 10_000, starts: 5, pauseMs: 1_000 }

const log = (message: string) => console.log(`[supervisor ${process.pid}] ${message}`)

type Supervision = {
  workers: number
  /** Held for as long as the supervisor runs: its workers share it (src/data/adapter/dataLock.ts). */
  releaseDataLock: () => Promise<void>
}

/** Resolves when `worker` listens; rejects when it exits before. */
async function listening(worker: Worker): Promise<void> {
  const exited = once(worker, 'exit').then(([code, signal]) => {
    throw new Error(`worker ${worker.id} exited (${signal ?? code}) before it listened`)
  })
  await Promise.race([once(worker, 'listening'), exited])
}

/** Asks a worker to finish its requests and stop (src/process/shutdown.ts), killing it if it takes too long. */
async function stopWorker(worker: Worker): Promise<void> {
  if (worker.isDead()) return
  const exited = once(worker, 'exit')
  const force = setTimeout(() => worker.process.kill('SIGKILL'), STOP_WORKER_MS)
  worker.process.kill('SIGTERM')
  await exited
  clearTimeout(force)
}

/**
 * `npm start` with several workers (node's cluster module: the workers share the port, the
 * supervisor hands out connections in turn). The supervisor loads no Payload and serves nothing:
 *
 * - it holds the lock on the data for them all, so a restore cannot run under them;
 * - its first worker migrates and seeds before it listens; the others start after it;
 * - a worker that dies is replaced at once (the new one skips the bootstrap);
 * - SIGHUP replaces the workers one by one, each new one listening before its old one stops,
 *   so a reload drops no request;
 * - SIGTERM or SIGINT stops them all, each finishing its requests, then releases the lock.
 *
 * Between its workers it relays the bus and SQLite's writer turn (./relay.ts) and keeps the
 * shared rate limits (rate-limiter-flexible's cluster master).
 */
export async function supervise({ workers, releaseDataLock }: Supervision): Promise<void> {
  relayBetweenWorkers(log)
  new RateLimiterClusterMaster()
  let stopping = false
  const retiring = new Set<number>()
  const recentStarts: number[] = []

  const fork = (bootstrap: boolean) => {
    recentStarts.push(Date.now())
    while (recentStarts.length > CRASH_LOOP.starts) recentStarts.shift()
    return cluster.fork(bootstrap ? { [BOOTSTRAP_WORKER]: '1' } : {})
  }

  cluster.on('exit', (worker, code, signal) => {
    if (stopping || retiring.delete(worker.id)) return
    log(
      `worker ${worker.id} (pid ${worker.process.pid}) died (${signal ?? code}); starting another`,
    )
    const looping =
      recentStarts.length >= CRASH_LOOP.starts && Date.now() - recentStarts[0]! < CRASH_LOOP.within
    if (looping) setTimeout(() => !stopping && fork(false), CRASH_LOOP.pauseMs)
    else fork(false)
  })

  const first = fork(true)
  try {
    await listening(first)
  } catch (error) {
    // The first worker printed why (settings, the database): the portal cannot start.
    log((error as Error).message)
    await releaseDataLock()
    process.exit(1)
  }
  const others = Array.from({ length: workers - 1 }, () => fork(false))
  await Promise.allSettled(others.map(listening))
  log(`${workers} workers are serving`)

  let reloading = false
  process.on('SIGHUP', () => {
    if (reloading || stopping) return
    reloading = true
    void reload(retiring, () => stopping, fork).finally(() => (reloading = false))
  })
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log(`${signal}: stopping the workers`)
    const all = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w)
    void Promise.all(all.map(stopWorker))
      .then(releaseDataLock)
      .finally(() => process.exit(0))
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

/** Replaces every worker running now by a new one, one at a time. */
async function reload(
  retiring: Set<number>,
  stopping: () => boolean,
  fork: (bootstrap: boolean) => Worker,
): Promise<void> {
  const old = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w)
  log(`SIGHUP: replacing ${old.length} workers one by one`)
  for (const worker of old) {
    if (stopping()) return
    const replacement = fork(false)
    try {
      await listening(replacement)
    } catch (error) {
      log(`reload stopped, the old workers go on serving: ${(error as Error).message}`)
      return
    }
    retiring.add(worker.id)
    await stopWorker(worker)
  }
  log('reload finished')
}
