import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'
import type { DatabaseAdapterObj } from 'payload'

import { fromRoot } from '../paths'
import { parentIndexes } from './sqliteParentIndexes'
import { sortIndexes } from './sqliteSortIndexes'
import { deleteOneReturnsNullWhenNothingMatches } from './sqliteDeleteOne'
import { reusePreparedStatements } from './sqliteStatementCache'
import { serialiseWrites } from './sqliteWriteQueue'
import type { DatabaseTarget } from './databaseUri'

// Kept here too: the adapter's callers read the URI and build the adapter from one module.
export { DatabaseUriError, parseDatabaseUri, type DatabaseTarget } from './databaseUri'

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
    afterSchemaInit: [parentIndexes, sortIndexes],
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
