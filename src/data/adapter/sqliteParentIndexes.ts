import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index, type SQLiteColumn } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

/**
 * Payload's SQLite schema reads a document's localized fields (`<table>_locales`) and its
 * hasMany text values (`<table>_texts`) by parent ID, in a subquery per document, but indexes
 * those tables only on (locale, parent) and (order, parent), which SQLite cannot use for a lookup
 * by parent alone: every document read scanned the whole table, so a list of ten news items
 * scanned 10 × 20,000 locale rows on the large data set. One index on the parent column each.
 */
/**
 * The same lookups read relationship rows (`<table>_rels`), hasMany values (`<table>_texts`) and
 * array and block rows by parent *in order* (`where parent = ? order by order`). With one index
 * on the order and another on the parent, SQLite chose the order index, to skip sorting, and
 * walked it whole: three news items read 3 × 55,000 relationship rows, 90 ms of a 100 ms request
 * on the large data set. An index on (parent, order) answers the lookup and the order at once.
 */
function orderedParentColumns(table: Record<string, unknown>): [string, string] | null {
  if ('parent' in table && 'order' in table) return ['parent', 'order']
  if ('_parentID' in table && '_order' in table) return ['_parentID', '_order']
  return null
}

export const parentIndexes: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    const column = name.endsWith('_locales')
      ? '_parentID'
      : name.endsWith('_texts')
        ? 'parent'
        : null
    const ordered = orderedParentColumns(table as unknown as Record<string, unknown>)
    if (!(column && column in table) && !ordered) continue
    extendTable({
      table,
      extraConfig: (t: Record<string, SQLiteColumn>) => ({
        ...(column && column in t
          ? { parentLookupIdx: index(`${name}_parent_lookup_idx`).on(t[column]!) }
          : {}),
        ...(ordered
          ? {
              parentOrderIdx: index(`${name}_parent_order_idx`).on(t[ordered[0]]!, t[ordered[1]]!),
            }
          : {}),
      }),
    })
  }
  return schema
}
