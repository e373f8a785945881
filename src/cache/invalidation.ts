import { addAdapterLayer, type AnyAdapter, type WriteCall } from '@/database/layers'
import type { TransactionID } from '@/database/writeMethods'

import { invalidateReadCache } from './state'

/**
 * Collections no anonymous response can reflect: the public has no read access to them
 * (src/access/internalCollections.ts) and no public collection relates to them. Writes to them
 * are frequent (the admin locks documents and saves preferences as editors type, jobs record
 * their progress), so they leave the cache alone. A scheduled publish still invalidates: the job
 * writes the published document itself through `updateOne`.
 */
export const UNSEEN_COLLECTIONS = new Set([
  // Every mail is written when queued and again when delivered (collections/MailQueue).
  'mail-queue',
  'payload-jobs',
  'payload-locked-documents',
  'payload-migrations',
  'payload-preferences',
])

function seenByThePublic({ method, args }: WriteCall): boolean {
  if (method === 'updateJobs') return false
  return !(args?.collection && UNSEEN_COLLECTIONS.has(args.collection))
}

/**
 * Makes every write to the database invalidate the read cache, in a way that holds although
 * Payload runs its hooks before it commits:
 *
 * - each write bumps the generation and clears the cache before it starts and again when it
 *   returns (for a write outside a transaction, returning means it is visible);
 * - a transaction that wrote bumps and clears once more after its commit or rollback returns,
 *   which is before Payload acknowledges the write to anyone.
 *
 * A read stores its answer only if the generation is still the one it started under. So a read
 * that could have seen the old data and ends after the data changed stores nothing, and whatever
 * a read stored before the commit is cleared by the bump after it.
 */
export function invalidateOnWrites(db: AnyAdapter): void {
  const written = new Set<TransactionID>()
  addAdapterLayer(db, {
    name: 'read-cache-invalidation',
    async write(call, proceed) {
      if (!seenByThePublic(call)) return proceed()
      if (call.transaction !== undefined) written.add(call.transaction)
      invalidateReadCache()
      try {
        return await proceed()
      } finally {
        invalidateReadCache()
      }
    },
    async end(_outcome, transaction, proceed) {
      try {
        return await proceed()
      } finally {
        if (transaction !== undefined && written.delete(transaction)) invalidateReadCache()
      }
    },
  })
}
