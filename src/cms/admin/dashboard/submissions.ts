import type { Payload } from 'payload'

import { reviewedCollections, type ReviewedCollection } from '@/cms/review/states'

export type Submission = {
  collection: ReviewedCollection
  id: string
  title: string
  submittedAt: string | null
  /** Payload's version view: the submitted draft against the published version. */
  compareHref: string | null
}

const titleField: Record<ReviewedCollection, 'title' | 'name'> = {
  projects: 'title',
  people: 'name',
}

/**
 * Where the submitted draft (the newest version) can be compared with the published version;
 * null for a document that was never published (all of it is new).
 */
export async function compareHref(
  payload: Payload,
  collection: ReviewedCollection,
  id: string,
): Promise<string | null> {
  const newest = async (published: boolean) =>
    (
      await payload.findVersions({
        collection,
        where: {
          and: [
            { parent: { equals: id } },
            ...(published ? [{ 'version._status': { equals: 'published' } }] : []),
          ],
        },
        sort: '-updatedAt',
        limit: 1,
        depth: 0,
        select: { version: { _status: true } } as never,
      })
    ).docs[0]
  const [draft, live] = await Promise.all([newest(false), newest(true)])
  if (!draft || !live || draft.id === live.id) return null
  return `/admin/collections/${collection}/${id}/versions/${draft.id}?versionFrom=${live.id}`
}

/**
 * Partner submissions waiting for review, oldest first, counting each document's newest draft.
 * Called for staff only (the dashboard checks the role), so it reads with full access.
 */
export async function submissionsInReview(payload: Payload, limit = 20): Promise<Submission[]> {
  const lists = await Promise.all(
    reviewedCollections.map(async (collection) => {
      const { docs } = await payload.find({
        collection,
        draft: true,
        where: { 'review.state': { equals: 'in-review' } },
        sort: 'review.submittedAt',
        limit,
        depth: 0,
      })
      return Promise.all(
        docs.map(async (doc): Promise<Submission> => {
          const record = doc as unknown as Record<string, unknown> & {
            id: string
            review?: { submittedAt?: string | null }
          }
          return {
            collection,
            id: String(record.id),
            title: String(record[titleField[collection]] ?? ''),
            submittedAt: record.review?.submittedAt ?? null,
            compareHref: await compareHref(payload, collection, String(record.id)),
          }
        }),
      )
    }),
  )
  return lists
    .flat()
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''))
    .slice(0, limit)
}
