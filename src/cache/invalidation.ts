import type { DatabaseAdapter } from 'payload'

import { invalidateReadCache } from './state'

/**
 * Every method of Payload's database adapter interface that writes. Payload's operations (admin,
 * REST, GraphQL, the local API, jobs) write only through these; the adapters' lower-level helpers
 * (SQLite's `insert`, `deleteWhere`, `execute`) run inside them or in migrations.
 * test/int/readCacheInvalidation.test.ts fails when an adapter gains a method this list does not
 * classify.
 */
export const WRITE_METHODS = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

/**
 * Collections no anonymous response can reflect: the public has no read access to them
 * (src/access/internalCollections.ts) and no public collection relates to them. Writes to them
 * are frequent (the admin locks documents and saves preferences as editors type, jobs record
 * their progress), so they leave the cache alone. A scheduled publish still invalidates: the job
 * writes the published document itself through `updateOne`.
 */
export const UNSEEN_COLLECTIONS = new Set([
  'payload-jobs',
  'payload-locked-documents',
  'payload-migrations',
  'payload-preferences',
])

type WriteArgs = {
  collection?: string
  req?: { transactionID?: number | string | Promise<number | string | null | undefined> }
}

const WRAPPED = Symbol.for('initiative-portal.read-cache.invalidation')
type Wrappable = DatabaseAdapter & { [WRAPPED]?: true }
type Method = (...args: unknown[]) => Promise<unknown>

function seenByThePublic(method: string, args: WriteArgs | undefined): boolean {
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
 * a read stored before the commit is cleared by the bump after it. Idempotent per adapter.
 */
export function invalidateOnWrites(db: DatabaseAdapter): void {
  const adapter = db as Wrappable
  if (adapter[WRAPPED]) return
  adapter[WRAPPED] = true
  const written = new Set<number | string>()
  const methods = adapter as unknown as Record<string, Method>

  for (const name of WRITE_METHODS) {
    const original = methods[name]
    if (typeof original !== 'function') continue
    methods[name] = async function (this: unknown, ...args: unknown[]) {
      const options = args[0] as WriteArgs | undefined
      if (!seenByThePublic(name, options)) return original.apply(this, args)
      const transaction = await options?.req?.transactionID
      if (transaction) written.add(transaction)
      invalidateReadCache()
      try {
        return await original.apply(this, args)
      } finally {
        invalidateReadCache()
      }
    }
  }

  for (const name of ['commitTransaction', 'rollbackTransaction'] as const) {
    const original = methods[name]
    if (typeof original !== 'function') continue
    methods[name] = async function (this: unknown, ...args: unknown[]) {
      const transaction = (await args[0]) as number | string | undefined
      try {
        return await original.apply(this, args)
      } finally {
        if (transaction !== undefined && written.delete(transaction)) invalidateReadCache()
      }
    }
  }
}
