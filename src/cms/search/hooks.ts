import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { afterCommit } from '@/data/adapter/afterCommit'

import { refreshDocument } from './indexer'
import { publishSearchRefresh } from './replicas'
import { sourceOfCollection, sourceOfGlobal, type SearchType } from './sources'
import { searchState } from './state'

/**
 * Every change to a searchable document (publish, unpublish, draft save, trash, delete, from the
 * admin, REST, GraphQL, the local API or a scheduled job) reads the document again as the
 * public reads it, once the change has committed: Payload runs these hooks before its commit,
 * and a rolled-back change must change nothing. Whatever the change was, the index then holds
 * what the public sees (a draft save re-reads the unchanged published version: nothing changes;
 * a trashed document reads as gone, like an unpublished one).
 */
function refreshAfterCommit(req: PayloadRequest, type: SearchType, id: string): Promise<void> {
  // No index in this process (scripts, the seeder): nothing to keep up to date.
  if (!searchState()) return Promise.resolve()
  return afterCommit(req, async () => {
    await refreshDocument(req.payload, type, id)
    await publishSearchRefresh(type, id)
  })
}

export const indexAfterChange: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  const source = sourceOfCollection(collection.slug)
  if (source) await refreshAfterCommit(req, source.type, String(doc.id))
  return doc
}

export const indexAfterDelete: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  const source = sourceOfCollection(collection.slug)
  if (source) await refreshAfterCommit(req, source.type, String(id))
}

export const indexGlobalAfterChange: GlobalAfterChangeHook = async ({ global, doc, req }) => {
  const source = sourceOfGlobal(global.slug)
  if (source) await refreshAfterCommit(req, source.type, source.global)
  return doc
}
