import { createClient } from '@libsql/client'
import Database from 'libsql'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { reusePreparedStatements } from '@/data/adapter/sqliteStatementCache'
import {
  keepTransactionConnections,
  renewKeptConnections,
} from '@/data/adapter/sqliteTransactionConnections'

/**
 * Reused prepared statements (src/data/adapter/sqliteStatementCache.ts) on a real SQLite file through
 * the same client Payload's adapter uses: a reader keeps seeing what other connections commit,
 * a failed write leaves its statement usable, and no kept statement holds the WAL back.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-statements-'))
const url = `file:${path.join(dir, 'statements.db')}`
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

test('a connection that reuses statements sees every commit of another and blocks no checkpoint', async () => {
  reusePreparedStatements()
  const reader = createClient({ url })
  const writer = createClient({ url })
  await reader.execute('PRAGMA journal_mode = WAL')
  await reader.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT NOT NULL)')
  const count = async () =>
    Number(
      (await reader.execute({ sql: 'SELECT count(*) AS n FROM notes WHERE id > ?', args: [0] }))
        .rows[0]!.n,
    )
  for (let i = 1; i <= 50; i++) {
    await writer.execute({ sql: 'INSERT INTO notes (id, title) VALUES (?, ?)', args: [i, `n${i}`] })
    expect(await count()).toBe(i)
    const titles = await reader.execute({
      sql: 'SELECT title FROM notes WHERE id >= ? ORDER BY id',
      args: [i],
    })
    expect(titles.rows.map((row) => row.title)).toEqual([`n${i}`])
  }
  await expect(
    writer.execute({ sql: 'INSERT INTO notes (id, title) VALUES (?, ?)', args: [1, 'again'] }),
  ).rejects.toThrow(/UNIQUE|constraint/i)
  await writer.execute({ sql: 'INSERT INTO notes (id, title) VALUES (?, ?)', args: [51, 'n51'] })
  expect(await count()).toBe(51)
  // A statement left mid-read would keep a snapshot and make the checkpoint report busy.
  const checkpoint = await writer.execute('PRAGMA wal_checkpoint(TRUNCATE)')
  expect(Number(checkpoint.rows[0]![0])).toBe(0)
  reader.close()
  writer.close()
})

test('a statement is prepared once per connection and SQL text', () => {
  reusePreparedStatements()
  const file = path.join(dir, 'statements.db')
  const one = new Database(file)
  const other = new Database(file)
  const sql = 'SELECT title FROM notes WHERE id = ?'
  expect(one.prepare(sql)).toBe(one.prepare(sql))
  expect(other.prepare(sql)).not.toBe(one.prepare(sql))
  expect(one.prepare(`${sql} LIMIT 1`)).not.toBe(one.prepare(sql))
  one.close()
  other.close()
})

describe('transactions on kept connections (src/data/adapter/sqliteTransactionConnections.ts)', () => {
  const file = path.join(dir, 'transactions.db')
  let client: ReturnType<typeof createClient>
  beforeAll(async () => {
    reusePreparedStatements()
    client = createClient({ url: `file:${file}` })
    await client.execute('PRAGMA journal_mode = WAL')
    await client.execute('CREATE TABLE saves (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
    // A schema the size of the portal's (about 500 tables and indexes), which each new
    // connection parses and keeps.
    const tables = Array.from({ length: 160 }, (_, i) => [
      `CREATE TABLE t${i} (id TEXT PRIMARY KEY, parent TEXT, slug TEXT, title TEXT, updated TEXT)`,
      `CREATE INDEX t${i}_parent ON t${i} (parent)`,
      `CREATE INDEX t${i}_slug ON t${i} (slug, updated)`,
    ])
    await client.executeMultiple(tables.flat().join(';\n'))
    keepTransactionConnections(client, file)
  })
  afterAll(() => client.close())
  const count = async () =>
    Number((await client.execute('SELECT count(*) AS n FROM saves')).rows[0]!.n)

  test('a commit is seen, a rollback is not, and a finished transaction takes no more statements', async () => {
    const saved = await client.transaction('write')
    await saved.execute({ sql: 'INSERT INTO saves (body) VALUES (?)', args: ['kept'] })
    await saved.commit()
    expect(await count()).toBe(1)
    await expect(saved.execute('INSERT INTO saves (body) VALUES (1)')).rejects.toThrow(
      /TRANSACTION_CLOSED/,
    )

    const undone = await client.transaction('write')
    await undone.execute({ sql: 'INSERT INTO saves (body) VALUES (?)', args: ['undone'] })
    await undone.rollback()
    expect(await count()).toBe(1)

    // The next transaction may run on the same connection: the old one must not reach into it.
    const next = await client.transaction('write')
    await expect(undone.commit()).rejects.toThrow(/TRANSACTION_CLOSED/)
    await next.execute({ sql: 'INSERT INTO saves (body) VALUES (?)', args: ['next'] })
    await next.commit()
    expect(await count()).toBe(2)
  })

  test('a failed statement leaves the transaction open for its rollback', async () => {
    const failing = await client.transaction('write')
    await failing.execute({ sql: 'INSERT INTO saves (body) VALUES (?)', args: ['half'] })
    await expect(failing.execute('INSERT INTO saves (body) VALUES (NULL)')).rejects.toThrow(
      /NOT NULL/,
    )
    await failing.rollback()
    expect(await count()).toBe(2)
  })

  test('after ANALYZE and a renewal, transactions plan with the new statistics', async () => {
    // The statistics table exists before any kept connection loads the schema; a later ANALYZE
    // only changes its rows, which a connection that has loaded them does not read again.
    await client.executeMultiple(`
      CREATE TABLE pages (id INTEGER PRIMARY KEY, status TEXT, slug TEXT);
      CREATE INDEX pages_status ON pages (status);
      CREATE INDEX pages_slug ON pages (slug);
      ANALYZE;`)
    const plan = async () => {
      const tx = await client.transaction('write')
      const rows = await tx.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM pages WHERE status = 'published' AND slug > 's5'",
      )
      await tx.commit()
      return String(rows.rows[0]!.detail)
    }
    await plan() // a kept connection, with the statistics of an empty table
    await client.execute(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
      INSERT INTO pages (status, slug) SELECT 'published', 's' || i FROM n`)
    await client.execute('ANALYZE')
    renewKeptConnections(client)
    // Every page has the same status: the statistics make the slug's index the better one.
    expect(await plan()).toMatch(/pages_slug/)
  })

  test('many transactions do not grow the process (each new libsql connection kept 0.5 MB for good)', async () => {
    const before = process.memoryUsage().rss
    for (let i = 0; i < 600; i++) {
      const save = await client.transaction('write')
      await save.execute({ sql: 'INSERT INTO saves (body) VALUES (?)', args: [`save ${i}`] })
      await save.commit()
    }
    expect(await count()).toBe(602)
    // 600 new connections: about 280 MB more (measured without the kept ones); kept ones: a few MB.
    expect((process.memoryUsage().rss - before) / 2 ** 20).toBeLessThan(80)
  })
})
