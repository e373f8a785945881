/**
 * Builds the seeded template database the way a first production start would: migrations, the
 * first admin, the seed. Run in its own process by globalSetup, so no Payload instance leaks into
 * the test workers.
 */
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { getPayload } from 'payload'

import { ensureAdmin, migrateDatabase } from '@/process/bootstrap'
import { readEnvironment } from '@/core/env'
import config from '@/payload.config'
import { seed } from '@/data/seed/seed'

const payload = await getPayload({ config })
await migrateDatabase(payload)
try {
  await ensureAdmin(payload, readEnvironment())
  await seed(payload, { log: () => undefined })
} catch (error) {
  if (/no such (column|table)/.test(String((error as Error).cause ?? error))) {
    console.error(
      '\nThe SQLite migrations do not cover the config: create one with `npm run migrate:create <name>`.\n',
    )
  }
  throw error
}
// Fold the write-ahead log into the file, so copying the one file copies everything.
await (payload.db as unknown as SQLiteAdapter).client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
await payload.destroy()
process.exit(0)
