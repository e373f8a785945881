import cluster, { type Worker } from 'node:cluster'
import { once } from 'node:events'
import { RateLimiterClusterMaster } from 'rate-limiter-flexible'

import { BOOTSTRAP_WORKER } from '@/replicas/identity'

import { REFUSED_TO_JOIN } from '../sameBuild'
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

type State = {
  stopping: boolean
  serving: boolean
  /** Old workers a reload stops: their exit is expected. */
  retiring: Set<number>
  /** New workers of a reload that do not listen yet: if one exits, the reload ends, nobody respawns it. */
  candidates: Set<number>
  starts: number[]
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
 * - SIGHUP replaces the workers one by one, each new one listening before its old one stops, so
 *   a reload drops no request; the first new one migrates first (a new build's migrations);
 * - SIGTERM or SIGINT stops them all, each finishing its requests, then releases the lock.
 *
 * Between its workers it relays the bus and SQLite's writer turn (./relay.ts) and keeps the
 * shared rate limits (rate-limiter-flexible's cluster master).
 */
export async function supervise({ workers, releaseDataLock }: Supervision): Promise<void> {
  relayBetweenWorkers(log)
  new RateLimiterClusterMaster()
  const state: State = {
    stopping: false,
    serving: false,
    retiring: new Set(),
    candidates: new Set(),
    starts: [],
  }
  const fork = (bootstrap: boolean) => {
    state.starts.push(Date.now())
    while (state.starts.length > CRASH_LOOP.starts) state.starts.shift()
    return cluster.fork(bootstrap ? { [BOOTSTRAP_WORKER]: '1' } : {})
  }
  const stop = (why: string, code = 0) => {
    if (state.stopping) return
    state.stopping = true
    log(`${why}: stopping the workers`)
    const all = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w)
    void Promise.all(all.map(stopWorker))
      .then(releaseDataLock)
      .finally(() => process.exit(code))
  }
  replaceTheDead(state, fork, stop)
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  // Installed now, so that a SIGHUP during the start does not end the supervisor (its default).
  reloadOnSighup(state, fork)

  try {
    await listening(fork(true))
  } catch (error) {
    // The first worker printed why (settings, the database): the portal cannot start.
    log((error as Error).message)
    state.stopping = true
    await releaseDataLock()
    process.exit(1)
  }
  state.serving = true
  const others = Array.from({ length: workers - 1 }, () => fork(false))
  await Promise.allSettled(others.map(listening))
  log(`${workers} workers are serving`)
}

/** A worker that dies is replaced at once; one that refuses to join the replicas stops them all. */
function replaceTheDead(
  state: State,
  fork: (bootstrap: boolean) => Worker,
  stop: (why: string, code?: number) => void,
) {
  cluster.on('exit', (worker, code, signal) => {
    // Before the first worker listens, its failure ends the start (supervise); a reload's new
    // worker that fails ends the reload (reload).
    if (!state.serving || state.stopping || state.retiring.delete(worker.id)) return
    if (state.candidates.delete(worker.id)) return
    // It printed why (another build or other secrets than the running replicas'): starting it
    // again would only fail again.
    if (code === REFUSED_TO_JOIN) return stop(`worker ${worker.id} refused to join`, 1)
    log(
      `worker ${worker.id} (pid ${worker.process.pid}) died (${signal ?? code}); starting another`,
    )
    const looping =
      state.starts.length >= CRASH_LOOP.starts && Date.now() - state.starts[0]! < CRASH_LOOP.within
    if (looping) setTimeout(() => !state.stopping && fork(false), CRASH_LOOP.pauseMs)
    else fork(false)
  })
}

/** SIGHUP: one reload at a time, none while starting or stopping. */
function reloadOnSighup(state: State, fork: (bootstrap: boolean) => Worker) {
  let reloading = false
  process.on('SIGHUP', () => {
    if (!state.serving) return log('SIGHUP ignored: the workers are still starting')
    if (reloading || state.stopping) return
    reloading = true
    void reload(state, fork).finally(() => (reloading = false))
  })
}

/** Replaces every worker running now by a new one, one at a time; the first new one migrates. */
async function reload(state: State, fork: (bootstrap: boolean) => Worker): Promise<void> {
  const old = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w)
  log(`SIGHUP: replacing ${old.length} workers one by one`)
  for (const [index, worker] of old.entries()) {
    if (state.stopping) return
    const replacement = fork(index === 0)
    state.candidates.add(replacement.id)
    try {
      await listening(replacement)
    } catch (error) {
      log(`reload stopped, the old workers go on serving: ${(error as Error).message}`)
      return
    } finally {
      state.candidates.delete(replacement.id)
    }
    state.retiring.add(worker.id)
    await stopWorker(worker)
  }
  log('reload finished')
}
