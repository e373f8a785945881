import type { WriteCall } from '@/data/adapter/layers'

import { idsOf } from './readRecording'
import { EVERYTHING, type Change } from './readSet'

/**
 * What a write that the public may see changes (src/data/changes/invalidation.ts decides which writes
 * those are):
 *
 * - an update by id changes that document: entries that read it, and entries that read its
 *   collection in any other way (a list it may enter, leave or move in);
 * - a create, an update by a `where` or an upsert changes its collection;
 * - a global's write changes that global;
 * - a real delete changes everything: foreign keys remove the rows of other collections that
 *   pointed at the document (a news item's authors), so collections the write does not name change
 *   too. Deletes are rare (editors move documents to the trash, an update by id).
 */
export function changeOf({ method, args }: WriteCall): Change {
  if (method === 'createGlobal' || method === 'updateGlobal') {
    const global = args?.slug ?? args?.global
    return typeof global === 'string' ? { kind: 'global', global } : EVERYTHING
  }
  const collection = args?.collection
  if (typeof collection !== 'string') return EVERYTHING
  if (method === 'updateOne') {
    const ids =
      typeof args?.id === 'string' || typeof args?.id === 'number'
        ? [String(args.id)]
        : idsOf(args?.where)
    return ids ? { kind: 'documents', collection, ids } : { kind: 'collection', collection }
  }
  if (method === 'create' || method === 'updateMany' || method === 'upsert') {
    return { kind: 'collection', collection }
  }
  return EVERYTHING
}
