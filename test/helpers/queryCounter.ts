import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

type Statement = string | { sql: string }
type Executes = { execute: (statement: Statement, ...rest: unknown[]) => Promise<unknown> }

/**
 * Counts the SQL statements the SQLite adapter sends, by wrapping its libsql client: every query
 * Drizzle runs goes through `execute`, `batch` or a transaction's `execute`, so nothing escapes
 * the count. `measure` returns how many statements (and which) one piece of work issued.
 */
export function countQueries(payload: Payload) {
  const client = (payload.db as unknown as SQLiteAdapter).client as unknown as Executes & {
    batch: (statements: Statement[], ...rest: unknown[]) => Promise<unknown>
    transaction: (...args: unknown[]) => Promise<Executes>
  }
  let log: string[] | undefined
  const record = (statement: Statement) => {
    log?.push(typeof statement === 'string' ? statement : statement.sql)
  }
  const execute = client.execute.bind(client)
  const batch = client.batch.bind(client)
  const transaction = client.transaction.bind(client)
  client.execute = (statement, ...rest) => {
    record(statement)
    return execute(statement, ...rest)
  }
  client.batch = (statements, ...rest) => {
    statements.forEach(record)
    return batch(statements, ...rest)
  }
  client.transaction = async (...args) => {
    const tx = await transaction(...args)
    const txExecute = tx.execute.bind(tx)
    tx.execute = (statement, ...rest) => {
      record(statement)
      return txExecute(statement, ...rest)
    }
    return tx
  }
  return {
    async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
      const statements: string[] = []
      log = statements
      try {
        return { result: await work(), statements }
      } finally {
        log = undefined
      }
    },
    restore() {
      Object.assign(client, { execute, batch, transaction })
    },
  }
}
