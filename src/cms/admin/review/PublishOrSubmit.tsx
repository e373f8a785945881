'use client'

import { Button, PublishButton, useDocumentInfo, useTranslation } from '@payloadcms/ui'

import { translate } from '@/cms/i18n/translate'

import { useReview } from './useReview'
import { useReviewActions } from './useReviewActions'

/**
 * The publish button's place in the document controls of reviewed collections: who may publish
 * gets Payload's own button; everyone else (partners) submits the draft for review instead. The
 * server's rules decide both (`hasPublishPermission` comes from the access matrix).
 */
export function PublishOrSubmit() {
  const { hasPublishPermission } = useDocumentInfo()
  const { i18n } = useTranslation()
  const { busy, canAct, submitForReview } = useReviewActions()
  const inReview = useReview()?.review?.state === 'in-review'
  if (hasPublishPermission) return <PublishButton />
  return (
    <Button
      id="action-submit-for-review"
      buttonStyle="primary"
      size="medium"
      disabled={busy || !canAct || inReview}
      tooltip={canAct ? undefined : translate(i18n, 'portal:reviewSaveFirst')}
      onClick={() => void submitForReview()}
    >
      {translate(i18n, 'portal:reviewSubmit')}
    </Button>
  )
}
