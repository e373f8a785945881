import { createClient, type Client } from '@libsql/client'

/**
 * What no fuzzed request may change: every document of the content collections and globals, and
 * every user's identity, role, organization and password hash, read straight from the server's
 * SQLite file (not through the API, whose access rules are under test). The partner's own
 * organization's projects, people and media are left out: partners may change those. Version rows
 * are counted per document, so a draft saved onto someone else's document shows too.
 * Bookkeeping that the public may cause (failed-login counters, reset tokens, sessions, locks,
 * preferences, jobs) is not content and is not compared.
 */
export type Protected = Map<string, string>

const CONTENT = ['news', 'principles', 'events', 'organizations', 'signatories']
const OWNED = ['projects', 'people', 'media']
const VERSIONED = ['news', 'principles', 'events', 'organizations', 'projects', 'people']
const GLOBALS = ['declaration', 'site']

export function openDatabase(file: string): Client {
  return createClient({ url: `file:${file}` })
}

export async function protectedRows(db: Client, partnerOrganization?: string): Promise<Protected> {
  const rows: Protected = new Map()
  const add = (key: string, value: unknown) => rows.set(key, String(value))
  const notOwned = partnerOrganization
    ? { sql: ' WHERE organization_id IS NOT ?', args: [partnerOrganization] }
    : { sql: '', args: [] as string[] }

  for (const table of CONTENT) {
    const result = await db.execute(`SELECT id, updated_at FROM ${table}`)
    for (const row of result.rows) add(`${table}:${row.id}`, row.updated_at)
  }
  for (const table of OWNED) {
    const result = await db.execute({
      sql: `SELECT id, updated_at FROM ${table}${notOwned.sql}`,
      args: notOwned.args,
    })
    for (const row of result.rows) add(`${table}:${row.id}`, row.updated_at)
  }
  for (const table of VERSIONED) {
    const owned = OWNED.includes(table) && partnerOrganization
    const result = await db.execute({
      sql:
        `SELECT parent_id, count(*) AS versions FROM _${table}_v` +
        (owned ? ` WHERE parent_id IN (SELECT id FROM ${table}${notOwned.sql})` : '') +
        ' GROUP BY parent_id',
      args: owned ? notOwned.args : [],
    })
    for (const row of result.rows) add(`_${table}_v:${row.parent_id}`, row.versions)
  }
  for (const table of GLOBALS) {
    const result = await db.execute(`SELECT id, updated_at FROM ${table}`)
    for (const row of result.rows) add(`${table}:${row.id}`, row.updated_at)
  }
  const versions = await db.execute('SELECT count(*) AS n FROM _declaration_v')
  add('_declaration_v', versions.rows[0]?.n)
  const users = await db.execute('SELECT id, email, name, role, organization_id, hash FROM users')
  for (const row of users.rows) {
    add(`users:${row.id}`, [row.email, row.name, row.role, row.organization_id, row.hash].join('|'))
  }
  // A new user or document outside the partner's organization is a change too.
  return rows
}

/** The keys whose values differ, appeared or disappeared between two snapshots. */
export function changes(before: Protected, after: Protected): string[] {
  const keys = new Set([...before.keys(), ...after.keys()])
  return [...keys].filter((key) => before.get(key) !== after.get(key)).sort()
}
