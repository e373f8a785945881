import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { freePort, productionServerArgs, waitUntilReady } from '../../scripts/productionProcess'

import { startSmtpSink, type SmtpSink } from './smtpSink'
import { noRateLimits, templateDatabase, testAdmin, testDatabaseDir } from './testEnv'

export type ProductionServer = {
  /** e.g. http://localhost:41234 (also the server's SERVER_URL). */
  url: string
  admin: { email: string; password: string }
  /** Everything the server printed so far (for failure messages). */
  output: () => string
  /** The mail server the portal sends to: an SMTP sink in this process, read as a mailbox. */
  mail: SmtpSink
  pid: number
  /** The server's own SQLite file (a copy of the seeded template). */
  database: string
  /** Whether the process is still running. */
  alive: () => boolean
  /** Ends the process as `kill -9` does (nothing runs on the way out) and closes the sink. */
  kill: () => Promise<void>
  stop: () => Promise<void>
}

const BUILD_ID = path.join('.next', 'BUILD_ID')

type StartOptions = {
  /** The folder the portal runs from (its root: `.next/`, `public/` …), the repository by default. */
  cwd?: string
  /** Runs beside the start, from the spawn until the server is ready (signals during a start). */
  whileStarting?: (pid: number) => Promise<void>
}

/**
 * Starts the production build (`npm run build`, which `npm test` runs before Jest) as `npm start`
 * does, on its own copy of the seeded template database and a free port. For tests that need the
 * whole stack: express, Next's pages and Payload in one process. Its mail goes over SMTP to a
 * sink in the test process (`mail`); pass `SMTP_HOST: ''` for a server without mail.
 */
export async function startProductionServer(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<ProductionServer> {
  if (!fs.existsSync(BUILD_ID)) {
    throw new Error(
      'No production build found (.next/BUILD_ID). `npm test` builds it first; when running a ' +
        'single test file, run `npm run build` once before.',
    )
  }
  const mail = await startSmtpSink()
  const port = await freePort()
  const url = `http://localhost:${port}`
  const database = path.join(testDatabaseDir, `server-${crypto.randomUUID()}.db`)
  fs.copyFileSync(templateDatabase, database)

  const child = spawn(process.execPath, productionServerArgs, {
    cwd: options.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'production',
      PAYLOAD_SECRET: crypto.randomBytes(32).toString('hex'),
      PREVIEW_SECRET: crypto.randomBytes(24).toString('hex'),
      SERVER_URL: url,
      PORT: String(port),
      DATABASE_URI: `file:${database}`,
      ADMIN_EMAIL: testAdmin.email,
      ADMIN_PASSWORD: testAdmin.password,
      SEED: 'false',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      ...noRateLimits,
      // Tests see the cache from cold unless they ask for the warm-up (test/e2e/warmUp.test.ts).
      READ_CACHE_WARM_UP: 'off',
      // One process, as the tests have always seen it; test/e2e/replicas.test.ts asks for two.
      WEB_CONCURRENCY: '1',
      ...mail.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  child.stdout?.on('data', (chunk) => (printed += chunk))
  child.stderr?.on('data', (chunk) => (printed += chunk))
  const output = () => printed

  try {
    await Promise.all([
      waitUntilReady(url, child, output, 90_000),
      options.whileStarting?.(child.pid ?? 0),
    ])
  } catch (error) {
    await mail.close()
    throw error
  }

  const alive = () => child.exitCode === null && child.signalCode === null
  return {
    url,
    admin: { ...testAdmin },
    output,
    mail,
    pid: child.pid ?? 0,
    database,
    alive,
    kill: async () => {
      if (alive()) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGKILL')
        await exited
      }
      await mail.close()
    },
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (!alive()) return resolve()
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
        child.once('exit', () => {
          clearTimeout(timer)
          fs.rmSync(database, { force: true })
          resolve()
        })
        child.kill('SIGTERM')
      })
      await mail.close()
    },
  }
}

/** Logs in over the running server's REST API and returns the session token (JWT). */
export async function loginToken(
  server: ProductionServer,
  credentials: { email: string; password: string } = server.admin,
): Promise<string> {
  const response = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  })
  if (!response.ok) throw new Error(`Login as ${credentials.email} failed: ${response.status}`)
  return ((await response.json()) as { token: string }).token
}
