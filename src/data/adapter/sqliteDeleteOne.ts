import type { BaseDatabaseAdapter } from 'payload'

import type { AdapterLayer } from './layers'

type FindOne = (args: Record<string, unknown>) => Promise<unknown>

/**
 * @payloadcms/drizzle's `deleteOne`, when nothing matches its `where`, retries with a query that
 * refers to joins it did not build, and fails with "no such column" whenever the `where` reaches
 * into a relationship (a user deleting a preference that does not exist: a 500 for a logged-in
 * user, found by the fuzz suite). Its contract is to return null then. So a delete first looks
 * for its document with the adapter's own `findOne`, which builds the same `where` correctly, and
 * answers null itself when there is none.
 */
export function deleteOneReturnsNullWhenNothingMatches(db: BaseDatabaseAdapter): AdapterLayer {
  const findOne = (db as unknown as { findOne: FindOne }).findOne.bind(db)
  return {
    name: 'sqlite-delete-one',
    async write({ method, args }, proceed) {
      if (method !== 'deleteOne' || !args) return proceed()
      const existing = await findOne({
        collection: args.collection,
        where: args.where,
        req: args.req,
      })
      return existing ? proceed() : null
    },
  }
}
