import type { I18nClient } from '@payloadcms/translations'
import type { Payload } from 'payload'

import { stateKey } from '@/cms/review/states'

import { dashboardWords } from './dashboardWords'
import { nextAction, type PartnerItem } from './partnerWork'

type Props = { payload: Payload; i18n: I18nClient; items: PartnerItem[] }

/**
 * A partner's dashboard: their organization's projects and people, each with its review state,
 * the editors' note when they sent it back, and what to do next.
 */
export function PartnerDashboard({ payload, i18n, items }: Props) {
  const { t, singular, date, docHref } = dashboardWords(payload, i18n)
  return (
    <div className="portal-dashboard">
      <section
        className="portal-dashboard__section portal-dashboard__section--wide"
        aria-labelledby="partner-work-title"
      >
        <h2 id="partner-work-title">{t('portal:partnerWork')}</h2>
        {items.length === 0 ? (
          <p>{t('portal:partnerWorkEmpty')}</p>
        ) : (
          <ul className="portal-dashboard__list partner-work">
            {items.map((item) => (
              <li key={`${item.collection}-${item.id}`} data-partner-item={item.id}>
                <div>
                  <span className="portal-dashboard__kind">{singular(item.collection)}</span>{' '}
                  <a href={docHref(item.collection, item.id)}>
                    {item.title || t('portal:untitled')}
                  </a>{' '}
                  <span className="portal-dashboard__meta">
                    {t('portal:dashboardChangedAt', {
                      date: date(item.updatedAt),
                    })}
                  </span>
                </div>
                <div>
                  <span className="review-state" data-review-state={item.state}>
                    {t(stateKey[item.state])}
                  </span>
                  {' · '}
                  <span className="partner-work__next">{t(nextAction[item.state])}</span>
                </div>
                {item.note ? (
                  <blockquote className="partner-work__note">
                    <strong>{t('portal:reviewNote')}:</strong> {item.note}
                  </blockquote>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
