import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { startPayload, stopPayload } from '../helpers/api'
import { makeLargeContent } from '../helpers/largeContent'
import { captureSelects, explain, planProblems } from '../helpers/queryPlans'
import {
  exceptions,
  globalTables,
  pageReads,
  readsWithoutTotals,
  signatureCount,
} from '../helpers/pageReads'

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

/**
 * The plan check: every committed GraphQL operation, with the variables each page sends, on a
 * data set as large as the bench's, through SQLite's EXPLAIN QUERY PLAN. A SCAN of a content
 * table, or a sort of rows not found by a key, costs more the larger the archive grows; a new
 * operation, filter or sort that brings one fails here, naming the operation and the plan line.
 */
describe('the plan of every read the portal makes', () => {
  let capture: ReturnType<typeof captureSelects>
  let contentTables: Set<string>
  beforeAll(async () => {
    capture = captureSelects(payload)
    contentTables = new Set(
      (await rows(`SELECT name FROM sqlite_master WHERE type = 'table'`))
        .map((row) => String(row.name))
        .filter((name) => !name.startsWith('sqlite_') && !globalTables.test(name)),
    )
  })
  afterAll(() => capture.restore())

  async function problemsOf(name: string, work: () => Promise<unknown>): Promise<string[]> {
    const statements = await capture.capture(work)
    expect(statements.length).toBeGreaterThan(0)
    const problems: string[] = []
    for (const statement of statements) {
      const plan = await explain(capture.execute, statement)
      for (const line of planProblems(plan, contentTables)) {
        const excused = exceptions.find((e) => e.line.test(line) && e.sql.test(statement.sql))
        if (!excused) problems.push(`${name}: ${line}\n    in ${statement.sql.slice(0, 400)}`)
      }
    }
    return problems
  }

  async function checkAll(): Promise<string[]> {
    const problems: string[] = []
    for (const [name, work] of Object.entries(await pageReads(rows))) {
      problems.push(...(await problemsOf(name, work)))
    }
    return problems
  }

  test('reads that show no total send no count, but the signature count the pages show', async () => {
    const reads = await pageReads(rows)
    const counts: string[] = []
    for (const name of readsWithoutTotals) {
      for (const { sql } of await capture.capture(reads[name]!)) {
        if (/count\(/i.test(sql) && !signatureCount.test(sql)) counts.push(`${name}: ${sql}`)
      }
    }
    expect(counts).toEqual([])
  })

  test('on the seeded data, no read scans a content table or sorts an unbounded set', async () => {
    expect(await checkAll()).toEqual([])
  })

  test('on a data set as large as the bench’s, no read scans a content table or sorts an unbounded set', async () => {
    await makeLargeContent(capture.execute)
    expect(Number((await rows(`SELECT count(*) AS n FROM news`))[0]!.n)).toBeGreaterThan(10_000)
    expect(await checkAll()).toEqual([])
  })
})
