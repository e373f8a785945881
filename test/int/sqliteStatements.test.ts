import { createClient } from '@libsql/client'
import Database from 'libsql'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { reusePreparedStatements } from '@/data/adapter/sqliteStatementCache'

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
