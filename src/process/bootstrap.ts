import crypto from 'node:crypto'
import type { Client } from '@libsql/client'
import type { Migration, Payload } from 'payload'

import type { Environment } from '../core/env'
import { migrations } from '../data/migrations'
import { renewKeptConnections } from '../data/adapter/sqliteTransactionConnections'
import { seed } from '../data/seed/seed'
import { giveOldSignatoriesAStatus } from '../cms/signatures/mongoStatus'
import { ensurePurgeQueued } from '../cms/signatures/purge'
import { BootstrapError } from './bootstrapError'

/** Brings a SQLite database to the schema of the committed migrations (MongoDB needs none). */
export async function migrateDatabase(payload: Payload): Promise<void> {
  if (payload.db.name !== 'sqlite') return
  // The generated list is typed for SQLite; the adapter API takes adapter-neutral migrations.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  // Planner statistics: without them SQLite guesses, and on a large database picks the
  // `_status` index over the ID list for relationship lookups (measured: 0.8 ms → 0.18 ms per
  // People lookup on 2,000 people). With a sampling limit ANALYZE takes about 10 ms on the
  // benchmark's 13,000-document database, so it runs on every start.
  const { client } = payload.db as unknown as { client: Client }
  await client.execute('PRAGMA analysis_limit=400')
  await client.execute('ANALYZE')
  // The migrations' transactions ran on kept connections, which loaded the statistics before.
  renewKeptConnections(client)
}

export type AdminLogin = { email: string; password?: string; created: boolean }

const DEV_ADMIN_EMAIL = 'admin@example.org'

/**
 * Makes sure someone can log in. With no user at all: the admin from ADMIN_EMAIL/ADMIN_PASSWORD,
 * or outside production a development admin with a generated password (returned once, to be
 * printed; never a fixed password in code). Production without ADMIN_* refuses.
 */
export async function ensureAdmin(payload: Payload, env: Environment): Promise<AdminLogin | null> {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return null
  if (env.adminEmail && env.adminPassword) {
    await payload.create({
      collection: 'users',
      data: { name: 'Admin', email: env.adminEmail, password: env.adminPassword, role: 'admin' },
    })
    return { email: env.adminEmail, created: true }
  }
  if (env.production) {
    throw new BootstrapError(
      'The database has no user. Set ADMIN_EMAIL and ADMIN_PASSWORD for the first production start.',
    )
  }
  const email = env.adminEmail ?? DEV_ADMIN_EMAIL
  const password = crypto.randomBytes(12).toString('base64url')
  await payload.create({
    collection: 'users',
    data: { name: 'Admin', email, password, role: 'admin' },
  })
  return { email, password, created: true }
}

/** An empty database is one without any principle (in the trash or not): the seed's backbone. */
export async function isEmpty(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'principles', trash: true })
  return totalDocs === 0
}

/**
 * Schema, first admin, and the initiative's content where wanted: what a lone server does at
 * every start, and of a supervisor's workers the first, before the others start. (Jobs a dead
 * process left claimed are released by whoever takes the job lease next:
 * src/operations/jobs/lease.ts.)
 */
export async function bootstrap(
  payload: Payload,
  env: Environment,
): Promise<{ admin: AdminLogin | null; seeded: boolean }> {
  await migrateDatabase(payload)
  await giveOldSignatoriesAStatus(payload)
  await ensurePurgeQueued(payload)
  const admin = await ensureAdmin(payload, env)
  const seeded = env.seed && (await isEmpty(payload))
  if (seeded) await seed(payload)
  return { admin, seeded }
}
