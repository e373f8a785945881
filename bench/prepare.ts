/**
 * What the benchmark runs on: an up-to-date production build, a seeded database and the large
 * data set on top of it (kept between runs in the temp folder: writing it takes minutes).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { productionEnvironment } from './server'
import { copyDatabase, removeDatabase } from './sqliteFiles'

type Log = (line: string) => void

/** Where a build's inputs live; a file here newer than .next/BUILD_ID makes the build stale. */
const buildInputs = ['src', 'collections', 'next.config.ts', 'package-lock.json', 'tsconfig.json']

function newestChange(entry: string): number {
  if (!fs.existsSync(entry)) return 0
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(
    stat.mtimeMs,
    ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))),
  )
}

/** Runs `npm run build` when there is no build or a source changed since; says which. */
export function ensureBuild(log: Log): string {
  const buildId = path.join('.next', 'BUILD_ID')
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0
  const changed = Math.max(...buildInputs.map(newestChange))
  const reason = !built
    ? 'no build yet'
    : changed > built
      ? 'sources changed since the build'
      : null
  if (!reason) {
    log('build: .next/BUILD_ID is up to date, using it (bundling the server only)')
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' })
    return 'reused'
  }
  log(`build: ${reason}: running npm run build (about 90 s or more)`)
  const started = Date.now()
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error('npm run build failed')
  log(`build: done in ${Math.round((Date.now() - started) / 1000)} s`)
  return `built (${reason})`
}

function runScript(script: string, database: string, log: Log) {
  log(`  (${script} output follows as it runs)`)
  const result = spawnSync(process.execPath, ['--conditions=production', `.server/${script}.mjs`], {
    // The scripts refuse production settings without a server URL; they need no server.
    env: { ...productionEnvironment(database), SERVER_URL: 'http://localhost:3000' },
    // Inherited, so long runs (seed:large) show their progress while they run.
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (result.status !== 0) throw new Error(`${script} failed (exit ${result.status})`)
}

/** A freshly seeded database in the run's work folder. */
export function seededDatabase(workDir: string, log: Log): string {
  const database = path.join(workDir, 'seeded.db')
  log('data: seeding a fresh database')
  runScript('seed', database, log)
  return database
}

/** A key for the large data set's content: the schema and the code that writes it. */
function largeKey(): string {
  const hash = crypto.createHash('sha256')
  const files = [
    ...fs.readdirSync('src/data/migrations').map((f) => path.join('src/data/migrations', f)),
    ...fs.readdirSync('src/data/seed/large').map((f) => path.join('src/data/seed/large', f)),
    ...fs.readdirSync('src/data/seed/data').map((f) => path.join('src/data/seed/data', f)),
  ].sort()
  for (const file of files) hash.update(file).update(fs.readFileSync(file))
  return hash.digest('hex').slice(0, 12)
}

/** The seeded database plus `seed:large`, reused from an earlier run when nothing changed. */
export function largeDatabase(seeded: string, log: Log): string {
  const dir = path.join(os.tmpdir(), 'initiative-portal-bench')
  fs.mkdirSync(dir, { recursive: true })
  const database = path.join(dir, `large-${largeKey()}.db`)
  if (fs.existsSync(database)) {
    log(`data: reusing the large data set in ${database} (delete it to write it anew)`)
    return database
  }
  const partial = `${database}.partial`
  copyDatabase(seeded, partial)
  log('data: writing the large data set (seed:large; several minutes, progress below)')
  const started = Date.now()
  runScript('seed-large', partial, log)
  copyDatabase(partial, database)
  removeDatabase(partial)
  log(`data: large data set written in ${Math.round((Date.now() - started) / 1000)} s`)
  return database
}
