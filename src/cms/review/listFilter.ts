import type { BaseFilter } from 'payload'

import { reviewStates, type ReviewedCollection, type ReviewState } from './states'

/** The list query parameter that narrows a reviewed collection to one review state. */
export const reviewQueryParameter = 'review'

/** The admin list of one collection's documents in one review state (the dashboard's links). */
export const reviewListHref = (collection: ReviewedCollection, state: ReviewState = 'in-review') =>
  `/admin/collections/${collection}?${reviewQueryParameter}=${state}`

/** The review state a list URL asks for, if it names a known one. */
export function requestedReviewState(value: unknown): ReviewState | null {
  return typeof value === 'string' && (reviewStates as readonly string[]).includes(value)
    ? (value as ReviewState)
    : null
}

/**
 * The list narrowed to `?review=<state>`. The review group is kept out of the admin's form
 * (`admin.disabled`, see reviewFields.ts), so Payload's filter builder cannot show a condition
 * on it: a `where[review.state]` in the URL broke the list's filter panel ("Cannot read
 * properties of undefined (reading 'value')"). The list's base filter applies it instead, and
 * `ReviewListNote` says what is shown.
 */
export const reviewListFilter: BaseFilter = ({ req }) => {
  const state = requestedReviewState((req.query as Record<string, unknown>)?.[reviewQueryParameter])
  return state ? { 'review.state': { equals: state } } : null
}
