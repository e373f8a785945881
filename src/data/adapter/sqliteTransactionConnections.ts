import { LibsqlError, type Client, type Transaction, type TransactionMode } from '@libsql/client'
import { Sqlite3Transaction } from '@libsql/client/sqlite3'
import Database from 'libsql'

type Connection = Database.Database

/** What @libsql/client sends to begin each kind of transaction. */
const BEGIN: Record<TransactionMode, string> = {
  write: 'BEGIN IMMEDIATE',
  read: 'BEGIN TRANSACTION READONLY',
  deferred: 'BEGIN DEFERRED',
}

/**
 * Connections kept for later transactions. Writes take turns (src/data/adapter/sqliteWriteQueue.ts),
 * so one or two are in use at a time; more come only from transactions outside that turn.
 */
const MAX_IDLE = 4

/**
 * A transaction on a kept connection, which goes back to the pool once it is over (committed or
 * rolled back). From then on it answers as a finished one does, so a late call through it cannot
 * run inside the next transaction on the same connection.
 */
class KeptConnectionTransaction extends Sqlite3Transaction {
  readonly #connection: Connection
  readonly #giveBack: (connection: Connection) => void
  #over = false

  constructor(connection: Connection, giveBack: (connection: Connection) => void) {
    // Payload's client config sets no intMode: the client's default.
    super(connection, 'number')
    this.#connection = connection
    this.#giveBack = giveBack
  }

  override get closed(): boolean {
    return this.#over || super.closed
  }

  override async commit(): Promise<void> {
    try {
      await super.commit()
    } finally {
      this.#settle()
    }
  }

  override async rollback(): Promise<void> {
    if (this.#over) return
    try {
      await super.rollback()
    } finally {
      this.#settle()
      // A rollback that failed would leave the connection holding SQLite's write lock.
      if (!this.#over) {
        this.#over = true
        this.#connection.close()
      }
    }
  }

  override close(): void {
    if (this.#over) return
    super.close()
    this.#settle()
  }

  /** A failed commit leaves the transaction open for the rollback that follows it. */
  #settle(): void {
    if (this.#over || this.#connection.inTransaction) return
    this.#over = true
    this.#giveBack(this.#connection)
  }
}

/** SQLite's errors as @libsql/client gives them (a LibsqlError with SQLite's code); others as they are. */
const asLibsqlError = (error: unknown): unknown => {
  const { code, rawCode } = error as { code?: unknown; rawCode?: unknown }
  if (!(error instanceof Error) || error instanceof LibsqlError || typeof code !== 'string')
    return error
  return new LibsqlError(
    error.message,
    code,
    typeof rawCode === 'number' ? rawCode : undefined,
    error,
  )
}

/** Each client's idle kept connections. */
const idleByClient = new WeakMap<Client, Connection[]>()
const idleConnections = (client: Client): Connection[] => {
  let idle = idleByClient.get(client)
  if (!idle) idleByClient.set(client, (idle = []))
  return idle
}

/**
 * Closes the client's idle kept connections, so that the next transaction opens one that reads
 * the planner's statistics anew: a connection loads them once, and a later `ANALYZE` on another
 * connection does not make it reload them (src/process/bootstrap.ts runs it after migrations,
 * which ran on kept connections).
 */
export function renewKeptConnections(client: Client): void {
  for (const connection of idleConnections(client).splice(0)) connection.close()
}

/**
 * Runs the SQLite client's transactions on connections it keeps, instead of a new one each time.
 *
 * Why: @libsql/client hands its connection to each transaction and opens a fresh one for what
 * comes after (`transaction()` in its sqlite3.js), and nobody closes the one handed away. Each
 * libsql connection keeps about 0.5 MB of native memory that neither `close()` nor a collection
 * gives back (libsql 0.4.7; measured: 3,000 connections opened and closed took RSS from 57 to
 * 1,439 MB), so every write grew the process for good, and each new connection parsed the
 * schema's 500 tables and indexes again (3.9 ms of CPU per small transaction against 0.6 ms on a
 * kept one). A kept connection also reuses its prepared statements
 * (src/data/adapter/sqliteStatementCache.ts).
 *
 * The kept connections are opened as the client opens its own for transactions: no pragmas, so
 * no busy timeout (the write turn keeps a `BEGIN` from meeting another writer) and SQLite's
 * default `synchronous`.
 */
export function keepTransactionConnections(client: Client, path: string): void {
  const idle = idleConnections(client)
  const giveBack = (connection: Connection) => {
    if (client.closed || idle.length >= MAX_IDLE) connection.close()
    else idle.push(connection)
  }
  const close = client.close.bind(client)
  client.close = () => {
    close()
    for (const connection of idle.splice(0)) connection.close()
  }
  client.transaction = async (mode: TransactionMode = 'write'): Promise<Transaction> => {
    if (client.closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
    const connection = idle.pop() ?? new Database(path, {})
    try {
      connection.exec(BEGIN[mode])
    } catch (error) {
      giveBack(connection)
      throw asLibsqlError(error)
    }
    return new KeptConnectionTransaction(connection, giveBack)
  }
}
