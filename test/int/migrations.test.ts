import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import { migrateDatabase } from '@/process/bootstrap'
import { sqliteMigrationDir } from '@/data/adapter/adapter'
import { migrations } from '@/data/migrations'

import { startPayload, stopPayload } from '../helpers/api'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

test('the committed SQLite migrations cover the config (else: npm run migrate:create <name>)', async () => {
  const db = payload.db as unknown as SQLiteAdapter
  const { generateDrizzleJson, generateMigration, upSnapshot } = db.requireDrizzleKit()
  const now = await generateDrizzleJson(db.schema)
  const newest = fs
    .readdirSync(sqliteMigrationDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .at(-1)
  expect(newest).toBeDefined()
  let before = JSON.parse(fs.readFileSync(path.join(sqliteMigrationDir, newest!), 'utf8'))
  if (upSnapshot && before.version < now.version) before = upSnapshot(before)
  const statements = await generateMigration(before, now)
  expect(statements).toEqual([])
})

test('every migration file is listed in the index that production start runs', () => {
  const files = fs
    .readdirSync(sqliteMigrationDir)
    .filter((file) => /^\d{8}_\d{6}_.+\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort()
  expect(migrations.map((m) => m.name)).toEqual(files)
})

test('the test database was built by those migrations, not by a schema push', async () => {
  const { docs } = await payload.find({ collection: 'payload-migrations', limit: 100 })
  expect(docs.map((d) => d.name).sort()).toEqual(migrations.map((m) => m.name).sort())
  expect(docs.every((d) => d.batch !== -1)).toBe(true)
})

test('every start gives SQLite planner statistics for the tables it holds', async () => {
  // The template was migrated before it was seeded; migrating again (as each start does) must
  // analyse the tables that have rows now.
  await migrateDatabase(payload)
  const { client } = payload.db as unknown as {
    client: { execute(sql: string): Promise<{ rows: { tbl: string }[] }> }
  }
  const { rows } = await client.execute('SELECT DISTINCT tbl FROM sqlite_stat1')
  expect(rows.map((row) => row.tbl)).toEqual(expect.arrayContaining(['news', 'people', 'projects']))
})
