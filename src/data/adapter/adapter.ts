import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'
import type { Client } from '@libsql/client'

import { fromRoot } from '../../core/paths'
import { parentIndexes } from './sqliteParentIndexes'
import { layerAdapter } from './adapterLayers'
import { sortIndexes } from './sqliteSortIndexes'
import { reusePreparedStatements } from './sqliteStatementCache'
import { keepTransactionConnections } from './sqliteTransactionConnections'
import { plainSqliteFile, type DatabaseTarget } from './databaseUri'

// Kept here too: the adapter's callers read the URI and build the adapter from one module.
export {
  DatabaseUriError,
  parseDatabaseUri,
  plainSqliteFile,
  type DatabaseTarget,
} from './databaseUri'

/** SQLite migrations live here and belong to the SQLite adapter alone. */
export const sqliteMigrationDir = fromRoot('src/data/migrations')

export function databaseAdapter(target: DatabaseTarget): DatabaseAdapterObj {
  if (target.kind === 'mongodb') {
    // Transactions need a replica set; docker-compose.yml runs a one-node one.
    const mongodb = mongooseAdapter({ url: target.url, transactionOptions: {} })
    return { ...mongodb, init: (args) => layerAdapter(mongodb.init(args), 'mongodb') }
  }
  const file = target.url.replace(/^file:(\/\/)?/, '')
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = sqliteAdapter({
    client: { url: target.url },
    // String IDs, as with MongoDB, so the GraphQL schema is the same on both adapters.
    idType: 'uuid',
    // The schema comes from committed migrations only, in development too (src/process/bootstrap.ts runs
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
    // SQLITE_BUSY (src/data/adapter/sqliteWriteQueue.ts says why the busy timeout does not cover this).
    init: (args) => {
      // Each SQL text is prepared once per connection (src/data/adapter/sqliteStatementCache.ts).
      reusePreparedStatements()
      return layerAdapter(withKeptTransactionConnections(sqlite.init(args), target.url), 'sqlite')
    },
  }
}

/**
 * Once the adapter has its client, transactions run on connections it keeps
 * (src/data/adapter/sqliteTransactionConnections.ts); URLs whose file is not plain keep
 * @libsql/client's own way.
 */
function withKeptTransactionConnections(db: BaseDatabaseAdapter, url: string): BaseDatabaseAdapter {
  const connect = db.connect
  const file = plainSqliteFile(url)
  if (!connect || !file) return db
  db.connect = async function (this: BaseDatabaseAdapter, ...args) {
    const adapter = this as BaseDatabaseAdapter & { client?: Client }
    const hadClient = !!adapter.client
    await connect.apply(this, args)
    if (!hadClient && adapter.client) keepTransactionConnections(adapter.client, file)
  }
  return db
}
