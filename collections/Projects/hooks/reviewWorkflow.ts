import {
  APIError,
  ValidationError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
} from 'payload'

import { actorOf } from '@/cms/access/matrix'
import { translate } from '@/cms/i18n/translate'
import type { Review, ReviewState } from '@/cms/review/states'

/**
 * Who submitted or reviewed, and when, is recorded by the server alone; partners never write the
 * reviewer's note. Strips what a request sends for those fields.
 */
export const stripReviewTrail: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const given = args as { overrideAccess?: boolean; data?: { review?: Review } }
  if (given.overrideAccess || (operation !== 'create' && operation !== 'update')) return args
  const review = given.data?.review
  if (!review) return args
  const cleaned: Review = { ...review }
  delete cleaned.submittedBy
  delete cleaned.submittedAt
  delete cleaned.reviewedBy
  if (actorOf(req.user) === 'partner') delete cleaned.note
  return { ...args, data: { ...given.data, review: cleaned } } as unknown as typeof args
}

/**
 * The review workflow of what partners submit (projects, people), checked on every save:
 * - a partner saves drafts; submitting sets `in-review` (who and when are recorded); a partner
 *   never sets `approved` or `changes-requested`, and editing an approved document starts a new
 *   unreviewed draft;
 * - an editor publishing a document approves it; sending it back (`changes-requested`) needs a
 *   note.
 * Messages are in the language of the request (`req.t`).
 */
export const checkReviewTransition: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  if (!req.user) return data
  const actor = actorOf(req.user)
  const before: ReviewState = (originalDoc?.review as Review | undefined)?.state ?? 'draft'
  const review: Review = {
    ...(originalDoc?.review as Review | undefined),
    ...(data.review as Review | undefined),
  }
  let target: ReviewState = review.state ?? before

  if (actor === 'partner') {
    if (target !== before && target !== 'in-review') {
      throw new APIError(translate(req, 'portal:onlyEditorsReview'), 403)
    }
    if (target === before && before === 'approved') target = 'draft'
    if (target === 'in-review' && before !== 'in-review') {
      review.submittedBy = req.user.id
      review.submittedAt = new Date().toISOString()
    }
  } else if (actor === 'editor' || actor === 'admin') {
    if (data._status === 'published') target = 'approved'
    if (target === 'changes-requested' && before !== 'changes-requested' && !review.note?.trim()) {
      throw new ValidationError(
        { errors: [{ path: 'review.note', message: translate(req, 'portal:noteRequired') }], req },
        req.t,
      )
    }
    if (target !== before && (target === 'approved' || target === 'changes-requested')) {
      review.reviewedBy = req.user.id
    }
  }
  return { ...data, review: { ...review, state: target } }
}
