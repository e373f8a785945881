import type { Payload, PayloadRequest } from 'payload'

import { organizationOf } from '@/cms/access/fromMatrix'
import type { PortalKey } from '@/cms/i18n/translations'
import { reviewedCollections, type ReviewedCollection, type ReviewState } from '@/cms/review/states'

/** One of a partner's documents, as its review stands. */
export type PartnerItem = {
  collection: ReviewedCollection
  id: string
  title: string
  state: ReviewState
  /** The editors' note when they sent it back. */
  note: string | null
  updatedAt: string
}

/** What the partner does next, by review state. */
export const nextAction: Record<ReviewState, PortalKey> = {
  draft: 'portal:partnerNextSubmit',
  'in-review': 'portal:partnerNextWait',
  'changes-requested': 'portal:partnerNextRevise',
  approved: 'portal:partnerNextNothing',
}

const titleField: Record<ReviewedCollection, 'title' | 'name'> = {
  projects: 'title',
  people: 'name',
}

/**
 * The partner's organization's projects and people with their review state and the editors'
 * note, newest change first: read as the partner (access control applies), so it holds nothing
 * the partner may not see.
 */
export async function partnerWork(
  payload: Payload,
  user: NonNullable<PayloadRequest['user']>,
  limit = 20,
): Promise<PartnerItem[]> {
  const organization = organizationOf(user)
  if (!organization) return []
  const lists = await Promise.all(
    reviewedCollections.map(async (collection) => {
      const { docs } = await payload.find({
        collection,
        draft: true,
        where: { organization: { equals: organization } },
        sort: '-updatedAt',
        limit,
        depth: 0,
        overrideAccess: false,
        user,
      })
      return docs.map((doc): PartnerItem => {
        const record = doc as unknown as Record<string, unknown> & {
          id: string
          updatedAt: string
          review?: { state?: ReviewState | null; note?: string | null }
        }
        const state = record.review?.state ?? 'draft'
        return {
          collection,
          id: String(record.id),
          title: String(record[titleField[collection]] ?? ''),
          state,
          note: state === 'changes-requested' ? (record.review?.note ?? null) : null,
          updatedAt: record.updatedAt,
        }
      })
    }),
  )
  return lists
    .flat()
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, limit)
}
