import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

type Statement = { sql: string; args?: unknown }
type Client = {
  execute: (statement: string | Statement, ...rest: unknown[]) => Promise<{ rows: unknown[] }>
}

/**
 * The SELECT statements (with their arguments) the SQLite adapter sends while `work` runs. Reads
 * go through the client's `execute` (Drizzle's libsql session), so wrapping it sees them all.
 */
export function captureSelects(payload: Payload) {
  const client = (payload.db as unknown as SQLiteAdapter).client as unknown as Client
  const execute = client.execute.bind(client)
  let log: Statement[] | undefined
  client.execute = (statement, ...rest) => {
    const given = typeof statement === 'string' ? { sql: statement } : statement
    if (/^\s*select/i.test(given.sql)) log?.push(given)
    return execute(statement, ...rest)
  }
  return {
    execute,
    async capture(work: () => Promise<unknown>): Promise<Statement[]> {
      const statements: Statement[] = []
      log = statements
      try {
        await work()
      } finally {
        log = undefined
      }
      return statements
    },
    restore() {
      client.execute = execute
    },
  }
}

export type PlanRow = { id: number; parent: number; detail: string }

/**
 * An access that finds a bounded set of rows: an equality on a row's ID, its parent document's
 * ID or its slug. Sorting what such an access found costs the same however large the table.
 */
const keyEquality = /\((?:[^)]* AND )?(?:rowid|id|parent_id|_parent_id|slug|version_slug)=\?/

const access = /^(SCAN|SEARCH) (\S+)/

/**
 * What is wrong with one statement's plan: a SCAN of a content table (with or without an index:
 * a whole-index walk grows with the table too), or a temporary B-tree (a sort, a DISTINCT or a
 * GROUP BY) over rows whose driving access is not a key equality, i.e. a sort of a set that grows
 * with the archive. Each problem is the plan line it was found on.
 */
export function planProblems(plan: PlanRow[], contentTables: Set<string>): string[] {
  const problems: string[] = []
  // A subquery SQLite runs as a co-routine is read by a SCAN of its name, which Drizzle sets to
  // the table's own name for some (`people_links`): the subquery's own lines are judged instead.
  const subqueries = new Set(plan.map((row) => /^CO-ROUTINE (\S+)/.exec(row.detail)?.[1]))
  const isTable = (name: string | undefined) =>
    name !== undefined && contentTables.has(name) && !subqueries.has(name)
  for (const row of plan) {
    const match = access.exec(row.detail)
    if (match?.[1] === 'SCAN' && isTable(match[2])) problems.push(row.detail)
    if (!row.detail.startsWith('USE TEMP B-TREE')) continue
    // The first table access at the same level drives the loop whose rows are sorted.
    const driver = plan.find((other) => other.parent === row.parent && access.test(other.detail))
    if (!driver || !isTable(access.exec(driver.detail)![2])) continue
    if (!(driver.detail.startsWith('SEARCH') && keyEquality.test(driver.detail)))
      problems.push(`${row.detail} (of ${driver.detail})`)
  }
  return problems
}

/** The plan SQLite chooses for a statement, on the arguments it was sent with. */
export async function explain(
  execute: Client['execute'],
  statement: Statement,
): Promise<PlanRow[]> {
  const result = await execute({ sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.args })
  return result.rows as unknown as PlanRow[]
}
