import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { relationId } from '@/cms/access/relationId'

import type { Review, ReviewState, ReviewedCollection } from './states'

/**
 * Stores every change of a review state as an entry of `review-history` (who, when, from, to,
 * the note), in the same transaction as the change. Versions cannot serve as that record: they
 * are capped at 50 per document and autosave fills them.
 */
export const recordReviewTransition: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  // Seeded content arrives as it is: it went through no review.
  if (req.context.seeding) return doc
  const to = (doc.review as Review | undefined)?.state
  const from: ReviewState = (previousDoc?.review as Review | undefined)?.state ?? 'draft'
  if (!to || to === from) return doc
  const user = req.user as { id: string | number; name?: string | null; email?: string } | null
  await req.payload.create({
    collection: 'review-history',
    data: {
      documentCollection: collection.slug as ReviewedCollection,
      documentId: String(doc.id),
      organization: relationId(doc.organization),
      from,
      to,
      actor: user ? String(user.id) : null,
      actorName: user ? (user.name ?? user.email ?? null) : null,
      note: to === 'changes-requested' ? ((doc.review as Review).note ?? null) : null,
    },
    req,
    overrideAccess: true,
    depth: 0,
  })
  return doc
}

/** A document deleted for good takes its review history with it. */
export const forgetReviewHistory: CollectionAfterDeleteHook = async ({ collection, id, req }) => {
  await req.payload.delete({
    collection: 'review-history',
    where: {
      and: [
        { documentCollection: { equals: collection.slug } },
        { documentId: { equals: String(id) } },
      ],
    },
    req,
    overrideAccess: true,
  })
}
