import type { ContentEvent } from '@/operations/webhooks/events'

/** What the public could read of a document (or global) on the main table, at one moment. */
export type PublicState = {
  exists: boolean
  public: boolean
  trashed: boolean
  updatedAt?: string | null
}

export const ABSENT: PublicState = { exists: false, public: false, trashed: false }

/** The state of a main-table row: public when published (where there are drafts) and not trashed. */
export function stateOf(
  row: Record<string, unknown> | null | undefined,
  drafts: boolean,
): PublicState {
  if (!row) return ABSENT
  const trashed = Boolean(row.deletedAt)
  const published = !drafts || row._status === 'published'
  return {
    exists: true,
    public: published && !trashed,
    trashed,
    updatedAt: (row.updatedAt as string | null | undefined) ?? null,
  }
}

/**
 * The event a write makes of a document's state before and after it, or none. A draft saved over
 * a published document leaves the main table as it was (Payload writes only a version): nothing.
 * Moving into the trash and out of it is an event whether or not the document was public.
 */
export function contentEvent(before: PublicState, after: PublicState): ContentEvent | null {
  if (!before.trashed && after.trashed) return 'trash'
  if (before.trashed && !after.trashed && after.exists) return 'restore'
  if (!before.public && after.public) return 'publish'
  if (before.public && !after.public) return 'unpublish'
  if (before.public && after.public && before.updatedAt !== after.updatedAt) return 'update'
  return null
}
