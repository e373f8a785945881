'use client'

import { Button, useAuth, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

import { translate } from '@/cms/i18n/translate'
import { stateKey, type ReviewState } from '@/cms/review/states'

import { useReview } from './useReview'
import { useReviewActions } from './useReviewActions'

/** The admin's words for the review panel. */
function useWords() {
  const { i18n } = useTranslation()
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, unknown>) =>
    translate(i18n, key, values)
  return { t, i18n, stateName: (state: ReviewState) => t(stateKey[state]) }
}

/** For editors, while a draft is in review: approve it, or send it back with a note. */
function StaffActions() {
  const { t } = useWords()
  const actions = useReviewActions()
  const [note, setNote] = useState('')
  return (
    <div className="review-panel__actions">
      <Button
        id="review-approve"
        buttonStyle="primary"
        size="small"
        disabled={actions.busy}
        onClick={() => void actions.approve()}
      >
        {t('portal:reviewApprove')}
      </Button>
      <label htmlFor="review-send-back-note">{t('portal:reviewNote')}</label>
      <textarea
        id="review-send-back-note"
        rows={3}
        value={note}
        placeholder={t('portal:reviewNotePlaceholder')}
        onChange={(event) => setNote(event.target.value)}
      />
      <Button
        id="review-send-back"
        buttonStyle="secondary"
        size="small"
        disabled={actions.busy || note.trim() === ''}
        onClick={() => void actions.sendBack(note).then((ok) => ok && setNote(''))}
      >
        {t('portal:reviewSendBack')}
      </Button>
    </div>
  )
}

/** The review steps of the document so far, newest last, with who took them and their notes. */
function History({ info }: { info: ReturnType<typeof useReview> }) {
  const { t, i18n, stateName } = useWords()
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    )
  return info && info.history.length === 0 ? (
    <p className="review-panel__hint">{t('portal:reviewNoHistory')}</p>
  ) : (
    <ol className="review-panel__history">
      {info?.history.map((entry) => (
        <li key={entry.id}>
          <span>
            {t('portal:reviewHistoryEntry', {
              from: stateName(entry.from),
              to: stateName(entry.to),
            })}
          </span>{' '}
          <time dateTime={entry.createdAt}>{when(entry.createdAt)}</time>
          {entry.actorName && <> {t('portal:reviewBy', { name: entry.actorName })}</>}
          {entry.note && <blockquote>{entry.note}</blockquote>}
        </li>
      ))}
    </ol>
  )
}

/**
 * The review panel in the sidebar of projects and people: the state, the editors' note and the
 * history of steps for partners and editors; for editors, while a draft is in review, the
 * comparison with the published version, approving and sending back with a note.
 */
export function ReviewPanel() {
  const { t, stateName } = useWords()
  const { user } = useAuth<{ id: string; role?: string }>()
  const { id } = useDocumentInfo()
  const info = useReview()
  const staff = user?.role === 'editor' || user?.role === 'admin'
  const state: ReviewState = info?.review?.state ?? 'draft'

  return (
    <section className="review-panel" aria-labelledby="review-panel-title">
      <h3 id="review-panel-title" className="review-panel__title">
        {t('portal:reviewTitle')}
      </h3>
      {!id ? (
        <p className="review-panel__hint">{t('portal:reviewSaveFirst')}</p>
      ) : (
        <>
          <p className="review-panel__state">
            {t('portal:reviewState')}: <strong data-review-state={state}>{stateName(state)}</strong>
          </p>
          {state === 'in-review' && !staff && (
            <p className="review-panel__hint">{t('portal:reviewWaiting')}</p>
          )}
          {info?.review?.note && (
            <div className="review-panel__note">
              <span>{t('portal:reviewNote')}</span>
              <blockquote>{info.review.note}</blockquote>
            </div>
          )}
          {info?.compareHref ? (
            <p>
              <a id="review-compare" href={info.compareHref}>
                {t('portal:reviewCompare')}
              </a>
            </p>
          ) : (
            info &&
            !info.published && (
              <p className="review-panel__hint">{t('portal:reviewNeverPublished')}</p>
            )
          )}

          {staff && state === 'in-review' && <StaffActions />}
          <h4 className="review-panel__subtitle">{t('portal:reviewHistory')}</h4>

          <History info={info} />
        </>
      )}
    </section>
  )
}
