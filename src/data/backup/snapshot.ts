import { createClient, type Client } from '@libsql/client'

/** How long to wait for SQLite's lock when a checkpoint or a schema change holds it. */
const BUSY_TIMEOUT_MS = 10_000

const open = (file: string): Client => createClient({ url: `file:${file}` })

/**
 * A consistent copy of a live SQLite database: `VACUUM INTO` reads it inside one read
 * transaction, so the copy holds exactly what was committed when it began, whatever the server
 * writes meanwhile (WAL mode lets it go on writing). @libsql/client has no online-backup API;
 * this is SQLite's own way to the same end, and the copy comes out compacted.
 */
export async function snapshotDatabase(source: string, target: string): Promise<void> {
  const client = open(source)
  try {
    await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
  } finally {
    client.close()
  }
}

export type DatabaseFacts = { migrations: string[]; documents: Record<string, number> }

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * The migrations applied to a database, in order, and its documents per collection. The
 * collections are the ones Payload's document-lock table links to (a column `<slug>_id` for each),
 * so the list follows the schema without loading the portal's configuration.
 */
export async function databaseFacts(file: string): Promise<DatabaseFacts> {
  const client = open(file)
  try {
    const migrations = await client.execute(
      "SELECT name FROM payload_migrations WHERE name <> 'dev' ORDER BY name",
    )
    const columns = await client.execute("PRAGMA table_info('payload_locked_documents_rels')")
    const tables = columns.rows
      .map((row) => String(row.name))
      .filter((name) => name.endsWith('_id') && name !== 'parent_id')
      .map((name) => name.slice(0, -'_id'.length))
    const documents: Record<string, number> = {}
    for (const table of tables) {
      const count = await client.execute(`SELECT count(*) AS n FROM ${quoted(table)}`)
      documents[table] = Number(count.rows[0]?.n ?? 0)
    }
    return { migrations: migrations.rows.map((row) => String(row.name)), documents }
  } finally {
    client.close()
  }
}

/** SQLite's own quick check of a database file: 'ok', or what is wrong. */
export async function quickCheck(file: string): Promise<string> {
  const client = open(file)
  try {
    const result = await client.execute('PRAGMA quick_check')
    return result.rows.map((row) => String(Object.values(row)[0])).join('; ')
  } finally {
    client.close()
  }
}
