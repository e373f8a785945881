/**
 * One production server for the benchmark: `node --conditions=production .server/server.mjs` on
 * its own copy of a database, a free port and generated secrets, as an operator would start it.
 * Its peak resident memory (VmHWM) is read from /proc before it stops.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { freePort, productionServerArgs, waitUntilReady } from '../scripts/productionProcess'

import { waitForSearchIndex } from './searchReady'
import { copyDatabase, removeDatabase } from './sqliteFiles'
import { waitForWorkers } from './workers'

export type BenchServer = {
  url: string
  pid: number
  /** From the process start to the first /readyz 200, in ms. */
  readyMs: number
  /** The copy of the database the server works on. */
  database: string
  /** Whether the process still runs. */
  alive: () => boolean
  /** Peak resident set size so far, in MB (Linux /proc; null elsewhere). */
  peakRssMb: () => number | null
  /** CPU time the process has used so far (all its threads, user and system), in ms. */
  cpuMs: () => number | null
  stop: () => Promise<void>
}

/**
 * The admin every database of this run is seeded with (the run's own seeded copy; the large data
 * set, reused across runs, keeps the admin of the run that wrote it): one password per run.
 */
export const benchAdmin = {
  email: 'bench@example.org',
  password: crypto.randomBytes(18).toString('base64url'),
}

/**
 * `--server-env=NAME=VALUE,…`: more environment for every server the run starts (an allocator
 * through `LD_PRELOAD`, `MALLOC_ARENA_MAX`, …), to compare a setting in the same run's conditions.
 */
const extraServerEnv: Record<string, string> = Object.fromEntries(
  (process.argv.find((arg) => arg.startsWith('--server-env='))?.slice('--server-env='.length) ?? '')
    .split(',')
    .filter((pair) => pair.includes('='))
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
)

/** Settings every process of one benchmark run shares: production, fresh secrets, quiet logs. */
export function productionEnvironment(database: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
    PREVIEW_SECRET: crypto.randomBytes(24).toString('hex'),
    DATABASE_URI: `file:${database}`,
    ADMIN_EMAIL: benchAdmin.email,
    ADMIN_PASSWORD: benchAdmin.password,
    SEED: 'true',
    LOG_LEVEL: 'warn',
    // One worker unless a scenario compares more (bench/replicas.ts).
    WEB_CONCURRENCY: '1',
    // Off, so the uncached cases measure the server, not the limits; the hostile scenario sets
    // its own (bench/hostile.ts).
    RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE: '0',
    RATE_LIMIT_UNCACHED_PER_MINUTE: '0',
    RATE_LIMIT_UNCACHED_SHARE_PER_MINUTE: '0',
    RATE_LIMIT_USER_PER_MINUTE: '0',
    RATE_LIMIT_SIGNING_FORMS_PER_MINUTE: '0',
  }
}

/** Clock ticks per second of /proc/<pid>/stat: 100 on Linux (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100

export function cpuMs(pid: number): number | null {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime are fields 14 and 15, i.e. 11 and 12 after the state (field 3).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
  } catch {
    return null
  }
}

export function peakRssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1])
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null
  } catch {
    return null
  }
}

export async function startServer(options: {
  /** The database to copy; the server works on the copy. Without one it starts on an empty file
   * that it migrates and seeds itself. */
  database?: string
  workDir: string
  /** The checkout to start from (its own build): this one unless told. */
  cwd?: string
  env?: Record<string, string>
  /** Extra Node flags, e.g. --cpu-prof; they override `npm start`'s heap sizes. */
  nodeFlags?: string[]
}): Promise<BenchServer> {
  const port = await freePort()
  const url = `http://localhost:${port}`
  const copy = path.join(options.workDir, `server-${port}.db`)
  if (options.database) copyDatabase(options.database, copy)
  const started = Date.now()
  // Extra flags go after `npm start`'s own (V8 takes a flag's last value), before the script.
  const script = productionServerArgs[productionServerArgs.length - 1]!
  const flags = [...productionServerArgs.slice(0, -1), ...(options.nodeFlags ?? [])]
  const child = spawn(process.execPath, [...flags, script], {
    cwd: options.cwd,
    env: {
      ...productionEnvironment(copy),
      SERVER_URL: url,
      PORT: String(port),
      ...options.env,
      ...extraServerEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  child.stdout?.on('data', (chunk) => (printed += chunk))
  child.stderr?.on('data', (chunk) => (printed += chunk))

  await waitUntilReady(url, child, () => printed, 120_000)
  const readyMs = Date.now() - started
  // The search index builds in the background once the server is ready: let it finish, so that
  // its build does not share the CPU with what is measured next.
  if (options.env?.SEARCH_INDEX !== 'off') await waitForSearchIndex(url)
  // With several workers the first one listens before the others start, and each builds its own
  // index: wait until every one answers, its index ready.
  const workers = Number(options.env?.WEB_CONCURRENCY ?? 1)
  if (workers > 1) await waitForWorkers(url, workers)

  const pid = child.pid ?? 0
  return {
    url,
    pid,
    readyMs,
    database: copy,
    alive: () => child.exitCode === null && child.signalCode === null,
    peakRssMb: () => peakRssMb(pid),
    cpuMs: () => cpuMs(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          removeDatabase(copy)
          resolve()
        }
        if (child.exitCode !== null) return done()
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
        child.once('exit', () => {
          clearTimeout(timer)
          done()
        })
        child.kill('SIGTERM')
      }),
  }
}
