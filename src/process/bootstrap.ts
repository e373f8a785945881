import crypto from 'node:crypto'
import type { Migration, Payload } from 'payload'

import { releaseInterruptedJobs, runQueueNow } from '../operations/jobs/startedJobs'
import { isJobRunner } from '../operations/jobs/jobRunner'
import { UPDATES_QUEUE } from '../cms/updates/sendUpdate'
import { releaseInterruptedMailJobs } from '../operations/mail/delivery'
import { WEBHOOK_QUEUE } from '../operations/webhooks/queue'
import { CDN_QUEUE } from '../operations/sharedCache/purgeCdn'
import type { Environment } from '../core/env'
import { migrations } from '../data/migrations'
import { seed } from '../data/seed/seed'
import { giveOldSignatoriesAStatus } from '../cms/signatures/mongoStatus'
import { ensurePurgeQueued } from '../cms/signatures/purge'

/** Brings a SQLite database to the schema of the committed migrations (MongoDB needs none). */
export async function migrateDatabase(payload: Payload): Promise<void> {
  if (payload.db.name !== 'sqlite') return
  // The generated list is typed for SQLite; the adapter API takes adapter-neutral migrations.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  // Planner statistics: without them SQLite guesses, and on a large database picks the
  // `_status` index over the ID list for relationship lookups (measured: 0.8 ms → 0.18 ms per
  // People lookup on 2,000 people). With a sampling limit ANALYZE takes about 10 ms on the
  // benchmark's 13,000-document database, so it runs on every start.
  const { client } = payload.db as unknown as { client: { execute(sql: string): Promise<unknown> } }
  await client.execute('PRAGMA analysis_limit=400')
  await client.execute('ANALYZE')
}

export class BootstrapError extends Error {}

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
 * Schema, first admin, and the initiative's content where wanted: what every start does. Mail
 * and webhook deliveries and CDN purges a previous process left unfinished are released to run
 * again.
 */
export async function bootstrap(
  payload: Payload,
  env: Environment,
): Promise<{ admin: AdminLogin | null; seeded: boolean }> {
  await migrateDatabase(payload)
  await releaseInterruptedMailJobs(payload)
  await releaseInterruptedJobs(payload, WEBHOOK_QUEUE)
  await releaseInterruptedJobs(payload, CDN_QUEUE)
  await releaseInterruptedJobs(payload, UPDATES_QUEUE)
  await giveOldSignatoriesAStatus(payload)
  await ensurePurgeQueued(payload)
  const admin = await ensureAdmin(payload, env)
  const seeded = env.seed && (await isEmpty(payload))
  if (seeded) await seed(payload)
  // An update's send cut short by the last process goes on now, from where it stopped.
  if (isJobRunner()) runQueueNow(payload, UPDATES_QUEUE, 5)
  return { admin, seeded }
}
