import type { Payload, PayloadRequest } from 'payload'

export const recentCollections = [
  'news',
  'projects',
  'people',
  'events',
  'organizations',
  'principles',
] as const
type RecentCollection = (typeof recentCollections)[number]

export type RecentChange = {
  collection: RecentCollection
  id: string
  title: string
  updatedAt: string
  status: 'draft' | 'published' | null
}

/** The documents changed last across the content collections, drafts included, as the user sees them. */
export async function recentChanges(
  payload: Payload,
  user: PayloadRequest['user'],
  limit = 8,
): Promise<RecentChange[]> {
  const lists = await Promise.all(
    recentCollections.map(async (collection) => {
      const { docs } = await payload.find({
        collection,
        draft: true,
        sort: '-updatedAt',
        limit,
        depth: 0,
        overrideAccess: false,
        user,
      })
      return docs.map((doc): RecentChange => {
        const record = doc as unknown as Record<string, unknown>
        return {
          collection,
          id: String(record.id),
          title: String(record.title ?? record.name ?? ''),
          updatedAt: String(record.updatedAt),
          status: (record._status as RecentChange['status']) ?? null,
        }
      })
    }),
  )
  return lists
    .flat()
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, limit)
}
