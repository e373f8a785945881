import type { Locale } from '@/core/locales'

import { updateWords } from '../../updateWords'
import { SubscribeFormEnhancer } from './SubscribeFormEnhancer'

/**
 * The small subscribe form of the home, news and declaration pages. The same for every visitor,
 * so the pages that hold it stay cache hits: its stamp and proof-of-work challenge are fetched
 * per visitor by the enhancer once they start typing. Without JavaScript it is posted as it is,
 * and the double opt-in is the check (under a smaller limit per address).
 */
export function SubscribeForm({ locale, id = 'subscribe' }: { locale: Locale; id?: string }) {
  const w = updateWords(locale)
  return (
    <section className="container section subscribe" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{w.formTitle}</h2>
      <p>{w.formLead}</p>
      <form method="post" action="/api/subscribers/subscribe" id={id} className="subscribe-form">
        <input type="hidden" name="locale" value={locale} />
        <label htmlFor={`${id}-email`}>{w.email}</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="email"
        />
        {/* A trap for bots: invisible and out of the tab order; people leave it empty. */}
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor={`${id}-website`}>{w.trap}</label>
          <input id={`${id}-website`} name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <SubscribeFormEnhancer formId={id} locale={locale} label={w.proof} />
        <button type="submit" className="button">
          {w.submit}
        </button>
      </form>
    </section>
  )
}
