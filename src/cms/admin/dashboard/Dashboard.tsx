import type { I18nClient } from '@payloadcms/translations'
import type { Payload, PayloadRequest } from 'payload'

import { actorOf } from '@/cms/access/matrix'
import { reviewListHref } from '@/cms/review/listFilter'

import { dashboardWords, type DashboardWords } from './dashboardWords'
import { dashboardData } from './data'
import { moderationListHref } from './moderation'
import { PartnerDashboard } from './PartnerDashboard'
import { partnerWork } from './partnerWork'
import { QueueActions } from './QueueActions'

type Props = { payload: Payload; user?: PayloadRequest['user']; i18n: I18nClient }

type Data = NonNullable<Awaited<ReturnType<typeof dashboardData>>>

/** What waits for review, with the comparison and the review actions, and the review lists. */
function ReviewQueue({ h, queue }: { h: DashboardWords; queue: Data['queue'] }) {
  const { t, date, named, singular, docHref } = h
  return (
    <section className="portal-dashboard__section" aria-labelledby="review-queue-title">
      <h2 id="review-queue-title">{t('portal:dashboardReviewQueue')}</h2>
      {queue.length === 0 ? (
        <p>{t('portal:dashboardReviewEmpty')}</p>
      ) : (
        <ul className="portal-dashboard__list review-queue">
          {queue.map((item) => (
            <li key={`${item.collection}-${item.id}`} data-review-item={item.id}>
              <div>
                <span className="portal-dashboard__kind">{singular(item.collection)}</span>{' '}
                <a href={docHref(item.collection, item.id)}>{item.title || t('portal:untitled')}</a>{' '}
                <span className="portal-dashboard__meta">
                  {item.submittedAt &&
                    t('portal:dashboardSubmittedAt', { date: date(item.submittedAt) })}
                </span>
              </div>
              <div className="portal-dashboard__links">
                {item.compareHref ? (
                  <a className="review-compare" href={item.compareHref}>
                    {t('portal:reviewCompare')}
                  </a>
                ) : (
                  <span>{t('portal:reviewNeverPublished')}</span>
                )}
              </div>
              <QueueActions collection={item.collection} id={item.id} />
            </li>
          ))}
        </ul>
      )}
      <p className="portal-dashboard__links">
        <a href={reviewListHref('projects')}>{named('projects', 'plural')}</a>
        {' · '}
        <a href={reviewListHref('people')}>{named('people', 'plural')}</a>
      </p>
    </section>
  )
}

/** Signatures waiting for moderation, and the signature exports. */
function Moderation({
  h,
  moderation,
  user,
}: {
  h: DashboardWords
  moderation: Data['moderation']
  user?: PayloadRequest['user']
}) {
  const { t } = h
  return (
    <section className="portal-dashboard__section" aria-labelledby="moderation-title">
      <h2 id="moderation-title">{t('portal:dashboardModeration')}</h2>
      <p data-moderation-count={moderation}>
        {moderation === 0 ? (
          t('portal:dashboardModerationEmpty')
        ) : (
          <a href={moderationListHref}>
            {t('portal:dashboardModerationCount', { count: moderation })}
          </a>
        )}
      </p>
      <p className="portal-dashboard__links">
        <a href="/api/signatories/export.csv">{t('portal:dashboardSignaturesExport')}</a>
        {user?.role === 'admin' ? (
          <>
            {' · '}
            <a href="/api/signatories/export.csv?emails=1">
              {t('portal:dashboardSignaturesExportWithEmails')}
            </a>
          </>
        ) : null}
      </p>
    </section>
  )
}

/** What is scheduled to be published or unpublished, and when. */
function Scheduled({ h, scheduled }: { h: DashboardWords; scheduled: Data['scheduled'] }) {
  const { t, date, singular, docHref } = h
  return (
    <section className="portal-dashboard__section" aria-labelledby="scheduled-title">
      <h2 id="scheduled-title">{t('portal:dashboardScheduled')}</h2>
      {scheduled.length === 0 ? (
        <p>{t('portal:dashboardScheduledEmpty')}</p>
      ) : (
        <ul className="portal-dashboard__list">
          {scheduled.map((job) => (
            <li key={job.id}>
              {job.collection && job.docId ? (
                <>
                  <span className="portal-dashboard__kind">{singular(job.collection)}</span>{' '}
                  <a href={docHref(job.collection, job.docId)}>
                    {job.title || t('portal:untitled')}
                  </a>
                </>
              ) : (
                <a href={`/admin/globals/${job.global}`}>{job.global}</a>
              )}{' '}
              <span className="portal-dashboard__meta">
                {t(
                  job.type === 'publish'
                    ? 'portal:dashboardPublishAt'
                    : 'portal:dashboardUnpublishAt',
                  {
                    date: date(job.at),
                  },
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** What changed last, and in which state. */
function Recent({ h, recent }: { h: DashboardWords; recent: Data['recent'] }) {
  const { t, date, singular, docHref, i18n } = h
  return (
    <section className="portal-dashboard__section" aria-labelledby="recent-title">
      <h2 id="recent-title">{t('portal:dashboardRecent')}</h2>
      {recent.length === 0 ? (
        <p>{t('portal:dashboardRecentEmpty')}</p>
      ) : (
        <ul className="portal-dashboard__list">
          {recent.map((change) => (
            <li key={`${change.collection}-${change.id}`}>
              <span className="portal-dashboard__kind">{singular(change.collection)}</span>{' '}
              <a href={docHref(change.collection, change.id)}>
                {change.title || t('portal:untitled')}
              </a>{' '}
              <span className="portal-dashboard__meta">
                {change.status &&
                  `${i18n.t(change.status === 'published' ? 'version:published' : 'version:draft')} · `}
                {t('portal:dashboardChangedAt', { date: date(change.updatedAt) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/**
 * Above Payload's collection cards, for editors and admins: what waits for review (with the
 * comparison and the review actions), what is scheduled to be published, and what changed last;
 * for partners, their own submissions and where each stands (PartnerDashboard).
 */
export async function Dashboard({ payload, user, i18n }: Props) {
  if (user && actorOf(user) === 'partner') {
    return (
      <PartnerDashboard payload={payload} i18n={i18n} items={await partnerWork(payload, user)} />
    )
  }
  const data = await dashboardData(payload, user)
  if (!data) return null
  const { queue, scheduled, recent, moderation } = data
  const h = dashboardWords(payload, i18n)

  return (
    <div className="portal-dashboard">
      <ReviewQueue h={h} queue={queue} />

      <Moderation h={h} moderation={moderation} user={user} />

      <Scheduled h={h} scheduled={scheduled} />

      <Recent h={h} recent={recent} />
    </div>
  )
}
