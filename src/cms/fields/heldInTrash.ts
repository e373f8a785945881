import type { CollectionSlug, PayloadRequest } from 'payload'

/**
 * Whether a document in the trash holds this value of a unique field. A trashed document keeps
 * its slug and position (it may be restored), and the database's unique index knows nothing of
 * the trash: without this check a new document with the same value fails without saying why.
 */
export async function heldInTrash({
  req,
  collectionSlug,
  field,
  value,
  id,
}: {
  req: Partial<PayloadRequest> & Pick<PayloadRequest, 'payload'>
  collectionSlug: string | undefined
  field: string
  value: unknown
  id?: number | string
}): Promise<boolean> {
  if (!collectionSlug || value === null || value === undefined || value === '') return false
  const collection = req.payload.collections[collectionSlug as CollectionSlug]
  if (!collection?.config.trash) return false
  const { totalDocs } = await req.payload.count({
    collection: collectionSlug as CollectionSlug,
    where: {
      and: [
        { [field]: { equals: value } },
        { deletedAt: { exists: true } },
        ...(id ? [{ id: { not_equals: id } }] : []),
      ],
    },
    req: req as PayloadRequest,
    overrideAccess: true,
    trash: true,
  })
  return totalDocs > 0
}
