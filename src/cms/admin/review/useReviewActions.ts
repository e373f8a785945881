'use client'

import {
  toast,
  useConfig,
  useDocumentInfo,
  useForm,
  useLocale,
  useTranslation,
} from '@payloadcms/ui'
import { useCallback, useState } from 'react'

import { translate } from '@/cms/i18n/translate'
import type { PortalKey } from '@/cms/i18n/translations'

/** Fired on `window` after a review step, so every review component of the page reloads. */
export const reviewChangedEvent = 'portal:review-changed'

type Step = {
  overrides: Record<string, unknown>
  draft: boolean
  done: PortalKey
}

/** Keeps the document's status line after a step, as Payload's own save and publish buttons do. */
function useStatusLine(): (draft: boolean) => void {
  const { setHasPublishedDoc, setMostRecentVersionIsAutosaved, setUnpublishedVersionCount } =
    useDocumentInfo()
  return useCallback(
    (draft: boolean) => {
      if (draft) {
        setUnpublishedVersionCount((count) => count + 1)
        return
      }
      setUnpublishedVersionCount(0)
      setMostRecentVersionIsAutosaved(false)
      setHasPublishedDoc(true)
    },
    [setHasPublishedDoc, setMostRecentVersionIsAutosaved, setUnpublishedVersionCount],
  )
}

/**
 * The review steps of the open document. Each saves the form as it is (so nothing typed is lost)
 * together with the step, through the same REST route the admin's own buttons use; the server
 * decides whether the step is allowed (collections/Projects/hooks/reviewWorkflow.ts).
 */
export function useReviewActions() {
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const { id, collectionSlug } = useDocumentInfo()
  const afterStep = useStatusLine()
  const { code: locale } = useLocale()
  const { submit } = useForm()
  const { i18n } = useTranslation()
  const [busy, setBusy] = useState(false)

  const run = useCallback(
    async ({ overrides, draft, done }: Step): Promise<boolean> => {
      if (!id || !collectionSlug) return false
      setBusy(true)
      try {
        const query = `?locale=${locale}&depth=0&fallback-locale=null${draft ? '&draft=true' : ''}`
        const outcome = await submit({
          action: `${api}/${collectionSlug}/${id}${query}`,
          method: 'PATCH',
          overrides,
          skipValidation: draft,
          disableSuccessStatus: true,
        })
        const ok = Boolean(outcome?.res && outcome.res.status < 400)
        if (ok) {
          afterStep(draft)
          toast.success(translate(i18n, done))
          window.dispatchEvent(new Event(reviewChangedEvent))
        }
        return ok
      } finally {
        setBusy(false)
      }
    },
    [afterStep, api, collectionSlug, i18n, id, locale, submit],
  )

  return {
    busy,
    canAct: Boolean(id),
    submitForReview: () =>
      run({
        overrides: { _status: 'draft', review: { state: 'in-review' } },
        draft: true,
        done: 'portal:reviewSubmitted',
      }),
    sendBack: (note: string) =>
      run({
        overrides: { _status: 'draft', review: { state: 'changes-requested', note } },
        draft: true,
        done: 'portal:reviewSentBack',
      }),
    approve: () =>
      run({ overrides: { _status: 'published' }, draft: false, done: 'portal:reviewApproved' }),
  }
}
