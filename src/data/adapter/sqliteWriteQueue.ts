import { AsyncLocalStorage } from 'node:async_hooks'

import type { BaseDatabaseAdapter } from 'payload'

import { writerWaitStarted } from '@/observability/metrics/count'
import { crossProcessWriteTurn, WRITE_TURN_LIMIT_MS } from '@/replicas/writeTurn'

import type { AdapterLayer } from './layers'
import { WriteLock, type TurnLimit } from './writeLock'
import type { TransactionID } from './writeMethods'

/** Takes a transaction's turn out of the register, so that only one caller ends it. */
function takeOut(
  turns: Map<TransactionID, () => void>,
  transaction: TransactionID | null | undefined,
): (() => void) | undefined {
  if (transaction === null || transaction === undefined) return undefined
  const endTurn = turns.get(transaction)
  turns.delete(transaction)
  return endTurn
}

const leakedMessage = (transaction: TransactionID | null | undefined, ms: number) =>
  `SQLite transaction ${transaction} has held the write lock for ${ms} ms ` +
  'without a commit or rollback; other writes no longer wait for it (leaked?)'

/**
 * A transaction's turn: this process's own, then the one among the workers; both end together,
 * also when the transaction overruns its limit.
 */
async function takeTransactionTurn(lock: WriteLock, limit: TurnLimit): Promise<() => void> {
  let endSharedTurn = () => {}
  const waited = writerWaitStarted()
  const endOwnTurn = await lock.acquire({
    ms: limit.ms,
    onOverrun: () => {
      limit.onOverrun()
      endSharedTurn()
    },
  })
  endSharedTurn = await crossProcessWriteTurn()
  waited()
  return () => {
    endSharedTurn()
    endOwnTurn()
  }
}

/**
 * Makes the SQLite adapter's writes in this process take turns, so that a save that meets
 * another one waits for it instead of failing with SQLITE_BUSY.
 *
 * Why: transactions run on connections of their own without the adapter's busy_timeout
 * (src/data/adapter/sqliteTransactionConnections.ts, as @libsql/client's own did). So
 * `BEGIN IMMEDIATE` while another transaction holds SQLite's write lock fails at once; and a
 * busy timeout would not help inside one process, as libsql waits for the lock synchronously,
 * blocking the event loop, and the holder cannot finish meanwhile.
 *
 * - A transaction holds the turn from `beginTransaction` until its commit or rollback returns.
 * - A write outside any transaction of ours (Payload counts failed logins and queues jobs that
 *   way) takes the turn for its own duration; writes it makes itself (drizzle's `upsert` calls
 *   `updateOne`) run within that turn.
 * - A transaction that still holds the turn after `leakedAfterMs` is logged and stops blocking
 *   the others; their writes then fail as they did before rather than wait forever.
 * - Under a supervisor, each turn in this process is also the turn among its workers
 *   (src/replicas/writeTurn.ts), taken after this process's own and ended with it.
 */
export function serialiseWrites(
  db: BaseDatabaseAdapter,
  // How long a transaction may hold the writer's turn (src/replicas/writeTurn.ts says why).
  leakedAfterMs: number = WRITE_TURN_LIMIT_MS,
): AdapterLayer {
  const lock = new WriteLock()
  const turns = new Map<TransactionID, () => void>()
  const insideWrite = new AsyncLocalStorage<true>()

  const takeTurn = (transaction: TransactionID | null | undefined) => takeOut(turns, transaction)

  return {
    name: 'sqlite-write-queue',
    async begin(proceed) {
      let transaction: TransactionID | null | undefined
      const endTurn = await takeTransactionTurn(lock, {
        ms: leakedAfterMs,
        onOverrun: () => {
          db.payload.logger.error(leakedMessage(transaction, leakedAfterMs))
          takeTurn(transaction)
        },
      })
      try {
        transaction = await proceed()
      } catch (error) {
        endTurn()
        throw error
      }
      if (transaction === null || transaction === undefined) endTurn()
      else turns.set(transaction, endTurn)
      return transaction
    },
    async end(_outcome, transaction, proceed) {
      // Taken out at once, so a second commit of the same transaction (Payload allows that)
      // cannot end the turn before the first one has finished committing.
      const endTurn = takeTurn(transaction)
      try {
        return await proceed()
      } finally {
        endTurn?.()
      }
    },
    async write({ transaction }, proceed) {
      const inOwnTurn = transaction !== undefined && turns.has(transaction)
      if (inOwnTurn || insideWrite.getStore()) return proceed()
      const waited = writerWaitStarted()
      const endOwnTurn = await lock.acquire()
      const endSharedTurn = await crossProcessWriteTurn()
      waited()
      try {
        return await insideWrite.run(true, proceed)
      } finally {
        endSharedTurn()
        endOwnTurn()
      }
    },
  }
}
