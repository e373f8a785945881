/**
 * Every method of Payload's database adapter interface that writes. Payload's operations (admin,
 * REST, GraphQL, the local API, jobs) write only through these; the adapters' lower-level helpers
 * (SQLite's `insert`, `deleteWhere`, `execute`) run inside them or in migrations.
 * test/int/readCacheInvalidation.test.ts fails when an adapter gains a method this list and its
 * list of non-writing methods do not classify.
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

export type WriteMethod = (typeof WRITE_METHODS)[number]

export type TransactionID = number | string
