import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { startPayload, stopPayload } from '../helpers/api'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

type Client = {
  execute: (statement: { sql: string; args?: unknown[] }) => Promise<{ rows: unknown[][] }>
}
const client = () => (payload.db as unknown as SQLiteAdapter).client as unknown as Client
const rows = async (sql: string, args: unknown[] = []) =>
  (await client().execute({ sql, args })).rows as unknown as Record<string, unknown>[]

test('rows read by parent in order (relationships, hasMany values, arrays) are found by index, not by scanning the table', async () => {
  const tables = (await rows(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((row) =>
    String(row.name),
  )
  const checked: string[] = []
  for (const table of tables) {
    const columns = (await rows(`PRAGMA table_info("${table}")`)).map((row) => String(row.name))
    const [parent, order] =
      columns.includes('parent_id') && columns.includes('order')
        ? ['parent_id', 'order']
        : columns.includes('_parent_id') &&
            columns.includes('_order') &&
            !table.endsWith('_locales')
          ? ['_parent_id', '_order']
          : [null, null]
    if (!parent) continue
    // The shape of Payload's subquery for a document's rows.
    const plan = await rows(
      `EXPLAIN QUERY PLAN SELECT * FROM "${table}" WHERE "${parent}" = ? ORDER BY "${order}" ASC`,
      ['x'],
    )
    const detail = plan.map((row) => String(row.detail)).join(' | ')
    expect({ table, plan: detail }).toEqual({
      table,
      plan: expect.stringMatching(
        new RegExp(`SEARCH ${table} USING (COVERING )?INDEX \\S+ \\(${parent}=\\?\\)`),
      ),
    })
    expect(detail).not.toContain('TEMP B-TREE')
    checked.push(table)
  }
  expect(checked).toEqual(expect.arrayContaining(['news_rels', 'news_texts', 'people_links']))
})
