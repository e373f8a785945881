'use client'

import { useTranslation } from '@payloadcms/ui'
import { usePathname, useSearchParams } from 'next/navigation'

import { translate } from '@/cms/i18n/translate'
import { requestedReviewState, reviewQueryParameter } from '@/cms/review/listFilter'
import { stateKey } from '@/cms/review/states'

/**
 * Above a reviewed collection's list opened as `?review=<state>` (from the dashboard): which
 * documents are shown, and the way back to all of them.
 */
export function ReviewListNote() {
  const { i18n } = useTranslation()
  const pathname = usePathname()
  const state = requestedReviewState(useSearchParams().get(reviewQueryParameter))
  if (!state) return null
  return (
    <p className="review-list-note" data-review-filter={state}>
      {translate(i18n, 'portal:reviewListShowing', {
        state: translate(i18n, stateKey[state]),
      })}{' '}
      <a href={pathname}>{translate(i18n, 'portal:reviewListShowAll')}</a>
    </p>
  )
}
