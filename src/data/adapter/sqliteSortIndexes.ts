import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { sql } from '@payloadcms/db-sqlite/drizzle'
import { index, type SQLiteColumn } from '@payloadcms/db-sqlite/drizzle/sqlite-core'

/**
 * Sort orders a collection's `indexes` cannot declare, because they mix directions: Payload's
 * compound indexes are ascending in every column. The people directory lists initiators first,
 * then by name (`sort: "-initiator,name"`, to which Payload adds `createdAt` descending as a
 * tie-breaker): with an ascending index SQLite could only use its first column and sorted all
 * non-initiators, every person, on each page view. This index has the directions of the sort,
 * after the public's filter (published, untrashed), so the directory walks it and stops at the
 * page's end. MongoDB cannot use an index for a sort that mixes directions against it either;
 * its directory sorts the matches (docs/indexes.md).
 */
export const sortIndexes: SQLiteSchemaHook = ({ schema, extendTable }) => {
  const people = schema.tables.people
  if (!people) return schema
  extendTable({
    table: people,
    extraConfig: (t: Record<string, SQLiteColumn>) => ({
      directoryOrderIdx: index('people_directory_order_idx').on(
        t._status!,
        t.deletedAt!,
        sql`${t.initiator!} desc`,
        t.name!,
        sql`${t.createdAt!} desc`,
      ),
    }),
  })
  return schema
}
