import type { Payload, PayloadRequest } from 'payload'

import type { AdapterLayer, AnyAdapter } from './layers'
import type { TransactionID } from './writeMethods'
import { processSingleton } from '@/core/processSingleton'

type Effect = () => void | Promise<void>
type Logger = Pick<Payload['logger'], 'error'>

/**
 * Effects waiting for their transaction, shared through globalThis: hooks run in Next's module
 * world and in the server's, while the adapter layer that runs the effects is installed once.
 */
const pending = () => processSingleton('after-commit', () => new Map<TransactionID, Effect[]>())

async function run(effect: Effect, logger: Logger): Promise<void> {
  try {
    await effect()
  } catch (error) {
    // The change itself is committed and acknowledged; its side effect failing must not undo it.
    logger.error({ msg: 'an effect after a commit failed', err: error })
  }
}

/**
 * Runs the effects of a transaction after its commit has returned (so the change is visible to
 * every reader) and before Payload acknowledges the change; drops them on rollback.
 */
export function afterCommitEffects(db: AnyAdapter): AdapterLayer {
  return {
    name: 'after-commit',
    async end(outcome, transaction, proceed) {
      const effects = transaction === undefined ? undefined : pending().get(transaction)
      if (transaction !== undefined) pending().delete(transaction)
      const result = await proceed()
      if (outcome === 'commit')
        for (const effect of effects ?? []) await run(effect, db.payload.logger)
      return result
    },
  }
}

/**
 * Runs `effect` once the change `req` belongs to is visible to everyone: after its transaction
 * commits, or right away when `req` has no transaction (then it resolves after the effect). An
 * effect never runs when the transaction rolls back, and its errors are logged, never thrown at
 * the writer. Payload runs `afterChange` and `afterDelete` hooks before it commits: an e-mail
 * sent or an index updated there could announce a change that is then rolled back.
 */
export async function afterCommit(req: PayloadRequest, effect: Effect): Promise<void> {
  const transaction = (await req.transactionID) ?? undefined
  if (transaction === undefined) return run(effect, req.payload.logger)
  const effects = pending().get(transaction)
  if (effects) effects.push(effect)
  else pending().set(transaction, [effect])
}
