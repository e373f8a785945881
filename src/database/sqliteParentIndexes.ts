import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index, type SQLiteColumn } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

/**
 * Payload's SQLite schema reads a document's localized fields (`<table>_locales`) and its
 * hasMany text values (`<table>_texts`) by parent ID, in a subquery per document, but indexes
 * those tables only on (locale, parent) and (order, parent), which SQLite cannot use for a lookup
 * by parent alone: every document read scanned the whole table, so a list of ten news items
 * scanned 10 × 20,000 locale rows on the large data set. One index on the parent column each.
 */
export const parentIndexes: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    const column = name.endsWith('_locales')
      ? '_parentID'
      : name.endsWith('_texts')
        ? 'parent'
        : null
    if (!column || !(column in table)) continue
    extendTable({
      table,
      extraConfig: (t: Record<string, SQLiteColumn>) => ({
        parentLookupIdx: index(`${name}_parent_lookup_idx`).on(t[column]!),
      }),
    })
  }
  return schema
}
