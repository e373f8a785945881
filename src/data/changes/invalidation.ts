import type { AdapterLayer, WriteCall } from '@/data/adapter/layers'
import type { TransactionID } from '@/data/adapter/writeMethods'
import { countInvalidation } from '@/observability/metrics/count'

import { changeOf } from './changes'
import type { Change } from './readSet'
import { invalidateReadCache } from './changeLog'
import { publishChanges } from './replicaChanges'
import { purgeSharedCache } from './sharedCachePurge'

/**
 * Collections no anonymous response can reflect: the public has no read access to them
 * (src/cms/access/matrix.ts) and the only fields of public documents that point at them are staff
 * fields the public never gets (a project's review trail names users). Writes to them are
 * frequent: the admin locks documents and saves preferences as editors type, jobs and mails
 * record their progress, and every login, failed login and reset request writes to `users`,
 * which anyone who knows an editor's address can set off. They leave the cache alone.
 */
export const UNSEEN_COLLECTIONS = new Set([
  'users',
  'mail-queue',
  'review-history',
  'webhooks',
  'webhook-deliveries',
  'subscribers',
  'updates',
  'payload-jobs',
  'job-leases',
  'payload-kv',
  'payload-locked-documents',
  'payload-migrations',
  'payload-preferences',
])

/**
 * Writes to version tables. The public reads only the documents themselves (published ones, on
 * the main tables): versions are closed to it, and drafts reach no anonymous answer. A draft save
 * or an autosave writes only a version and leaves the published document as it is; publishing,
 * unpublishing, restoring and a scheduled publish also write the document itself (`updateOne`,
 * `updateGlobal`), which invalidates.
 */
const VERSION_WRITES = new Set([
  'createVersion',
  'updateVersion',
  'deleteVersions',
  'createGlobalVersion',
  'updateGlobalVersion',
])

/**
 * Set on a request's `context` by trusted code whose writes the public cannot see although they
 * go to a collection it reads: a signature that is still pending, say. (Like Payload's own
 * `context.disableRevalidate` convention.) Never set from anything a client sends.
 */
export const PUBLIC_READS_UNCHANGED = 'publicReadsUnchanged'

/** Whether a write could change something an anonymous response shows. */
export function seenByThePublic({ method, args }: WriteCall): boolean {
  if (method === 'updateJobs' || VERSION_WRITES.has(method)) return false
  const context = (args?.req as { context?: Record<string, unknown> } | undefined)?.context
  if (context?.[PUBLIC_READS_UNCHANGED] === true) return false
  if (args?.collection && UNSEEN_COLLECTIONS.has(args.collection)) return false
  // A new document saved as a draft is in no public answer until it is published.
  const data = args?.data as { _status?: unknown } | undefined
  if (method === 'create' && data?._status === 'draft') return false
  return true
}

/** Tells the caches beyond this process's own of committed changes: a shared cache, the other replicas. */
async function announce(changes: Change[]): Promise<void> {
  await Promise.all([purgeSharedCache(changes), publishChanges(changes)])
}

/**
 * Makes every write the public may see invalidate what it changes (src/data/changes/changes.ts) in the
 * read cache, in a way that holds although Payload runs its hooks before it commits:
 *
 * - each write records its change and removes the entries it touches before it starts and again
 *   when it returns (for a write outside a transaction, returning means it is visible);
 * - a transaction records its writes' changes once more after its commit or rollback returns,
 *   which is before Payload acknowledges the write to anyone;
 * - a shared cache in front (src/data/changes/sharedCachePurge.ts) is purged of what a committed
 *   change touches at the same moment, also before the acknowledgement;
 * - so are the other replicas' read caches (src/data/changes/replicaChanges.ts).
 *
 * A read stores its answer only if no change recorded since it started touched what it read. So
 * a read that could have seen the old data and ends after the data changed stores nothing, and
 * whatever a read stored before the commit is removed after it.
 */
export function readCacheInvalidation(): AdapterLayer {
  const written = new Map<TransactionID, Change[]>()
  return {
    name: 'read-cache-invalidation',
    async write(call, proceed) {
      if (!seenByThePublic(call)) return proceed()
      const change = changeOf(call)
      if (call.transaction !== undefined) {
        const changes = written.get(call.transaction) ?? []
        changes.push(change)
        written.set(call.transaction, changes)
      }
      countInvalidation(call.args?.collection ?? call.args?.global ?? call.method)
      invalidateReadCache(change)
      let result: unknown
      try {
        result = await proceed()
      } finally {
        invalidateReadCache(change)
      }
      // Outside a transaction the write is visible now: shared caches and the other replicas
      // hear of it before the writer does.
      if (call.transaction === undefined) await announce([change])
      return result
    },
    async end(outcome, transaction, proceed) {
      const changes = transaction === undefined ? undefined : written.get(transaction)
      if (transaction !== undefined) written.delete(transaction)
      let result: unknown
      try {
        result = await proceed()
      } finally {
        for (const change of changes ?? []) invalidateReadCache(change)
      }
      if (outcome === 'commit' && changes) await announce(changes)
      return result
    },
  }
}
