/**
 * The methods of Payload's database adapter interface that read documents or globals. Each is
 * observed (src/data/adapter/layers.ts) so the read cache learns what a response read
 * (src/data/changes/readRecording.ts). test/int/readCacheInvalidation.test.ts fails when an adapter gains
 * a method that neither this list, the write list nor the list of other methods classify.
 */
export const READ_METHODS = [
  'count',
  'countGlobalVersions',
  'countVersions',
  'find',
  'findDistinct',
  'findGlobal',
  'findGlobalVersions',
  'findOne',
  'findVersions',
  'queryDrafts',
] as const

export type ReadMethod = (typeof READ_METHODS)[number]

/** The part of a read method's first argument that says what it reads. */
export type ReadArgs = {
  collection?: string
  global?: string
  slug?: string
  where?: unknown
  sort?: unknown
  [key: string]: unknown
}

export type ReadCall = { method: ReadMethod; args: ReadArgs | undefined }
