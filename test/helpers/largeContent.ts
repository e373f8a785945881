/**
 * A data set as large as the bench's (`npm run seed:large`: 10,000 news, 1,000 projects, 2,000
 * people, 300 organizations), made in seconds by copying the seeded documents in SQL: creating
 * them through Payload takes minutes. Copy k of a document has the seeded document's ID with its
 * first eight hex digits replaced by k (still a UUID), a slug ending in `-k`, its dates k days
 * earlier, and every row that
 * belongs to it (locales, relationships, hasMany values, arrays, versions) copied alongside.
 * A reference to another copied collection points at that collection's copy `k mod copies`, so
 * links spread as they do on real data; principles and media are a fixed set and not copied.
 */
type Execute = (statement: { sql: string; args?: unknown[] }) => Promise<{ rows: unknown[] }>

/** How many copies of each seeded document (copy 0 is the seeded document itself). */
export const copies: Record<string, number> = {
  news: 3400,
  projects: 1000,
  people: 700,
  organizations: 100,
  events: 500,
  signatories: 1000,
}

/** The copied collection a table belongs to: its own, its versions' and their child tables. */
function collectionOf(table: string): string | undefined {
  return Object.keys(copies).find(
    (slug) =>
      table === slug ||
      table.startsWith(`${slug}_`) ||
      table === `_${slug}_v` ||
      table.startsWith(`_${slug}_v_`),
  )
}

/** The SQL for copy k of a reference into `collection` (`k` is the copy number column). */
function moved(column: string, collection: string | undefined) {
  if (!collection) return `"${column}"`
  const n = copies[collection]!
  return `CASE WHEN "${column}" IS NULL OR k % ${n} = 0 THEN "${column}" ELSE printf('%08x', k % ${n}) || substr("${column}", 9) END`
}

/** Dates a list sorts or windows by: copy k is k days older, so copies spread over the years. */
const dated = /^(version_)?(published_at|created_at|updated_at|starts_at|ends_at)$/

type Column = { name: string; type: string; pk: number }
type ForeignKey = { from: string; table: string }

async function copyTable(execute: Execute, table: string, collection: string) {
  const rows = async (sql: string) =>
    (await execute({ sql })).rows as unknown as Record<string, unknown>[]
  const columns = (await rows(`PRAGMA table_info("${table}")`)) as unknown as Column[]
  const keys = (await rows(`PRAGMA foreign_key_list("${table}")`)) as unknown as ForeignKey[]
  const target = new Map(keys.map((key) => [key.from, collectionOf(key.table)]))
  const list: string[] = []
  const values: string[] = []
  for (const column of columns) {
    // Integer row IDs are numbered by SQLite.
    if (column.pk && /int/i.test(column.type)) continue
    list.push(`"${column.name}"`)
    if (column.pk) values.push(moved(column.name, collection))
    else if (target.has(column.name)) values.push(moved(column.name, target.get(column.name)))
    else if (dated.test(column.name))
      values.push(
        `CASE WHEN "${column.name}" IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', "${column.name}", '-' || k || ' days') END`,
      )
    else if (/^(version_)?slug$/.test(column.name))
      values.push(
        `CASE WHEN "${column.name}" IS NULL THEN NULL ELSE "${column.name}" || '-' || k END`,
      )
    else values.push(`"${column.name}"`)
  }
  await execute({
    sql: `WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ${copies[collection]! - 1})
      INSERT INTO "${table}" (${list.join(', ')}) SELECT ${values.join(', ')} FROM n, "${table}"`,
  })
}

/** Fills the database with the copies, then lets SQLite's planner measure the tables. */
export async function makeLargeContent(execute: Execute): Promise<void> {
  const tables = (
    (await execute({ sql: `SELECT name FROM sqlite_master WHERE type = 'table'` }))
      .rows as unknown as { name: string }[]
  ).map((row) => row.name)
  // Copies refer to copies of other tables that may not exist yet.
  await execute({ sql: 'PRAGMA foreign_keys = OFF' })
  for (const table of tables) {
    const collection = collectionOf(table)
    if (collection) await copyTable(execute, table, collection)
  }
  await execute({ sql: 'PRAGMA foreign_keys = ON' })
  // As the server does on every start (src/process/bootstrap.ts).
  await execute({ sql: 'PRAGMA analysis_limit=400' })
  await execute({ sql: 'ANALYZE' })
}
