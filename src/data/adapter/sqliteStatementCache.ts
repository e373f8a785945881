import Database from 'libsql'
import { LRUCache } from 'lru-cache'
import { processSingleton } from '@/core/processSingleton'

type Connection = Database.Database
type Statement = ReturnType<Connection['prepare']>
type Prepare = (this: Connection, sql: string) => Statement

/** Statements kept per connection: the portal's queries come in a few hundred shapes. */
const MAX_STATEMENTS = 500

/**
 * A statement's result columns, asked of SQLite once: @libsql/client asks twice per execution
 * (names and types). They belong to the SQL text and the schema, and the schema changes only
 * through migrations, which run before the server reads anything.
 */
function withKnownColumns(statement: Statement): Statement {
  const columns = statement.columns.bind(statement)
  let known: ReturnType<typeof columns> | undefined
  statement.columns = () => (known ??= columns())
  return statement
}

/**
 * Prepared statements reused per SQLite connection, by their SQL text. @libsql/client prepares
 * every statement it executes anew (`db.prepare(sql)` for each query), which cost about a tenth
 * of an uncached GraphQL request; drizzle sends the same SQL with other parameters again and
 * again. libsql statements are reusable as better-sqlite3's are: @libsql/client runs each one
 * to its end (`all` or `run`) before it returns, which resets it, so a kept statement holds no
 * read snapshot and sees later writes. The client keeps its connection private, so this wraps
 * `prepare` on libsql's `Database` itself; each connection has its own cache, which goes with it.
 */
export function reusePreparedStatements(): void {
  const installed = processSingleton('sqlite-statement-cache', () => ({ done: false }))
  if (installed.done) return
  const prototype = Database.prototype as Connection
  const prepare = prototype.prepare as Prepare
  const caches = new WeakMap<Connection, LRUCache<string, Statement>>()
  const cached: Prepare = function (this: Connection, sql: string): Statement {
    let cache = caches.get(this)
    if (!cache) {
      cache = new LRUCache<string, Statement>({ max: MAX_STATEMENTS })
      caches.set(this, cache)
    }
    let statement = cache.get(sql)
    if (!statement) {
      statement = withKnownColumns(prepare.call(this, sql))
      cache.set(sql, statement)
    }
    return statement
  }
  prototype.prepare = cached as Connection['prepare']
  installed.done = true
}
