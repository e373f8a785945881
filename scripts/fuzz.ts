/**
 * `npm run fuzz`: the fuzz suite of test/e2e/hostileInput.test.ts for longer, with a random
 * seed (printed first, so a failure can be replayed with `--seed=`), against a production build
 * on a freshly seeded database. Shows progress; on failure prints the shrunk request.
 *
 *   npm run fuzz                        # 5,000 requests, random seed
 *   npm run fuzz -- --runs=20000 --seed=42
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ensureBuild, seededDatabase } from '../bench/prepare'
import { startServer } from '../bench/server'
import { removeDatabase } from '../bench/sqliteFiles'
import { fuzzPortal } from '../test/fuzz/property'
import { prepareFuzzTarget } from '../test/fuzz/setup'
import { startSmtpSink } from '../test/helpers/smtpSink'

const option = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)

const seed = Number(option('seed') ?? crypto.randomInt(2 ** 31))
const runs = Number(option('runs') ?? 5000)
const started = Date.now()
const log = (line: string) =>
  console.log(`[fuzz ${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${line}`)

log(`seed ${seed}, ${runs} requests (replay with: npm run fuzz -- --seed=${seed} --runs=${runs})`)
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'initiative-portal-fuzz-'))
const admin = { email: 'fuzz-admin@example.org', password: crypto.randomBytes(12).toString('hex') }
let failed = false
try {
  ensureBuild(log)
  const database = seededDatabase(workDir, log)
  // A portal as it runs in production, mail server included (without one, password resets
  // answer a deliberate 503 saying so: docs/mail.md).
  const mail = await startSmtpSink()
  const server = await startServer({
    database,
    workDir,
    env: {
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'error',
      ...mail.env,
    },
  })
  try {
    const target = await prepareFuzzTarget({
      url: server.url,
      admin,
      database: server.database,
      alive: server.alive,
    })
    log('server ready; fuzzing')
    const statuses = new Map<number, number>()
    await fuzzPortal(target, {
      seed,
      numRuns: runs,
      statuses,
      progress: (done) => {
        if (done % 250 === 0)
          log(`${done} / ${runs} requests, server peak RSS ${server.peakRssMb()} MB`)
      },
    })
    log(`done: ${runs} requests, no 5xx, no crash, no forbidden change`)
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`)
    log(`answers by status: ${byStatus.join(', ')}`)
  } finally {
    await server.stop()
    await mail.close()
  }
} catch (error) {
  failed = true
  const cause = (error as Error).cause
  console.error(`\nFuzzing failed (seed ${seed}):\n${(error as Error).message}`)
  if (cause) console.error(`\nWhat failed:\n${(cause as Error).message ?? String(cause)}`)
} finally {
  removeDatabase(path.join(workDir, 'seeded.db'))
  fs.rmSync(workDir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
