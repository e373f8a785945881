import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import { fromRoot } from '../paths'
import { parentIndexes } from './sqliteParentIndexes'
import { deleteOneReturnsNullWhenNothingMatches } from './sqliteDeleteOne'
import { reusePreparedStatements } from './sqliteStatementCache'
import { serialiseWrites } from './sqliteWriteQueue'

export type DatabaseTarget = { kind: 'sqlite'; url: string } | { kind: 'mongodb'; url: string }

export class DatabaseUriError extends Error {
  constructor(uri: string) {
    // Never echo credentials that may sit in a malformed URI.
    const shown = uri.replace(/\/\/[^@/]*@/, '//***@')
    super(
      `DATABASE_URI "${shown}" is not supported. Use "file:<path>" for SQLite (the default, ` +
        'file:./data/portal.db) or "mongodb://…" / "mongodb+srv://…" for MongoDB.',
    )
    this.name = 'DatabaseUriError'
  }
}

/** Empty or `file:` → SQLite; `mongodb://` or `mongodb+srv://` → MongoDB; anything else is refused. */
export function parseDatabaseUri(uri: string | undefined): DatabaseTarget {
  const value = (uri ?? '').trim()
  if (value === '') return { kind: 'sqlite', url: 'file:./data/portal.db' }
  if (/^file:.+/.test(value)) return { kind: 'sqlite', url: value }
  if (/^mongodb(\+srv)?:\/\/.+/.test(value)) return { kind: 'mongodb', url: value }
  throw new DatabaseUriError(value)
}

/** SQLite migrations live here and belong to the SQLite adapter alone. */
export const sqliteMigrationDir = fromRoot('src/migrations')

export function databaseAdapter(target: DatabaseTarget): DatabaseAdapterObj {
  if (target.kind === 'mongodb') {
    // Transactions need a replica set; docker-compose.yml runs a one-node one.
    return mongooseAdapter({ url: target.url, transactionOptions: {} })
  }
  const file = target.url.replace(/^file:(\/\/)?/, '')
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = sqliteAdapter({
    client: { url: target.url },
    // String IDs, as with MongoDB, so the GraphQL schema is the same on both adapters.
    idType: 'uuid',
    // The schema comes from committed migrations only, in development too (src/bootstrap.ts runs
    // them on every start): what runs locally is what runs in production, and a test fails when
    // the config has changes no migration covers.
    push: false,
    migrationDir: sqliteMigrationDir,
    transactionOptions: {},
    wal: true,
    busyTimeout: 10_000,
    afterSchemaInit: [parentIndexes],
  })
  return {
    ...sqlite,
    // SQLite has one writer: saves in this process wait their turn instead of failing with
    // SQLITE_BUSY (src/database/sqliteWriteQueue.ts says why the busy timeout does not cover this).
    init: (args) => {
      // Each SQL text is prepared once per connection (src/database/sqliteStatementCache.ts).
      reusePreparedStatements()
      const adapter = sqlite.init(args)
      serialiseWrites(adapter)
      deleteOneReturnsNullWhenNothingMatches(adapter)
      return adapter
    },
  }
}
