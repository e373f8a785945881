/**
 * Which database DATABASE_URI names, without loading either adapter (the backup and restore
 * commands read it too, and must start fast).
 */
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

/**
 * The file a plain `file:` URL names, as @libsql/client opens it (`file:./data/portal.db`,
 * `file:/abs.db`, `file:///abs.db`). Null for the forms it decodes further (percent escapes, a
 * host, query parameters) and for `:memory:`, which is one database per connection.
 */
export function plainSqliteFile(url: string): string | null {
  const match = /^file:(?:\/\/(?=\/))?(?!\/\/[^/])([^?#%]+)$/.exec(url)
  return match && match[1] !== ':memory:' ? match[1]! : null
}
