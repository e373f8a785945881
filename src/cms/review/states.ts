import { catalogueLabel } from '@/cms/i18n/catalogueLabel'
import type { PortalKey } from '@/cms/i18n/translations'

/** Where a partner's submission stands. */
export const reviewStates = ['draft', 'in-review', 'changes-requested', 'approved'] as const
export type ReviewState = (typeof reviewStates)[number]

/** The collections whose partner drafts editors review. */
export const reviewedCollections = ['projects', 'people'] as const
export type ReviewedCollection = (typeof reviewedCollections)[number]

/** The review trail a reviewed document carries (`review` group). */
export type Review = {
  state?: ReviewState | null
  note?: string | null
  submittedBy?: unknown
  submittedAt?: string | null
  reviewedBy?: unknown
}

/** The catalogue key of each state's name, for components and messages. */
export const stateKey: Record<ReviewState, PortalKey> = {
  draft: 'portal:stateDraft',
  'in-review': 'portal:stateInReview',
  'changes-requested': 'portal:stateChangesRequested',
  approved: 'portal:stateApproved',
}

/** The states as select options, named in both admin languages as in the catalogue. */
export const reviewStateOptions = reviewStates.map((value) => ({
  value,
  label: catalogueLabel(stateKey[value]),
}))
