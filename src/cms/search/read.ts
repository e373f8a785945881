import type { Payload, SelectType } from 'payload'

import type { RawDocument } from './entries'
import type { CollectionSource, GlobalSource, Source } from './sources'

/**
 * Reading documents exactly as the public does: Payload's local API with access control on and
 * no user, published versions only, and (once trash exists) without trashed documents, which
 * Payload's reads leave out unless asked. `locale: 'all'` gives both locales in one read; the
 * fallback is applied when entries are made (`entries.ts`), by Payload's own rule.
 */
const asPublic = { overrideAccess: false, draft: false, depth: 0, locale: 'all' } as const

function selectOf(source: Source): SelectType {
  const select: SelectType = { slug: true }
  for (const field of source.fields) select[field.name] = true
  if (source.date) select[source.date] = true
  return select
}

/** A trashed document is gone for the public, even if a read ever returned it. */
const live = (doc: RawDocument): boolean => !doc.deletedAt

/** The IDs of every document of a collection the public may read. */
export async function publicIds(payload: Payload, source: CollectionSource): Promise<string[]> {
  const { docs } = await payload.find({
    collection: source.collection,
    ...asPublic,
    pagination: false,
    select: { slug: true },
  })
  return docs.map((doc) => String(doc.id))
}

/** Those of `ids` the public may read, as it reads them (missing ones are left out). */
export async function publicDocuments(
  payload: Payload,
  source: CollectionSource,
  ids: string[],
): Promise<RawDocument[]> {
  if (!ids.length) return []
  const { docs } = await payload.find({
    collection: source.collection,
    ...asPublic,
    where: { id: { in: ids } },
    limit: ids.length,
    select: selectOf(source),
  })
  return (docs as unknown as RawDocument[]).filter(live)
}

/** A global as the public reads it, or null while it has no published version. */
export async function publicGlobal(
  payload: Payload,
  source: GlobalSource,
): Promise<RawDocument | null> {
  const doc = (await payload.findGlobal({
    slug: source.global,
    ...asPublic,
    select: selectOf(source),
  })) as unknown as RawDocument
  // A global the public may not read comes back empty rather than refused.
  const fields = source.fields.some((field) => doc?.[field.name] !== undefined)
  return doc && fields && live(doc) ? doc : null
}
