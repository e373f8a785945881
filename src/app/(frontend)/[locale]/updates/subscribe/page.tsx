import type { Metadata } from 'next'

import { SubscribeForm } from '@/web/components/updates/SubscribeForm'
import { pageLocale, single, type LocaleParams, type SearchParams } from '@/web/page'
import { pageMetadata } from '@/web/seo'
import { updateWords } from '@/web/updateWords'

// Never cached (src/readCache/pageRequest.ts): it says how one request went.
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  return {
    ...pageMetadata({
      locale,
      path: '/updates/subscribe',
      title: updateWords(locale).subscribeTitle,
    }),
    robots: { index: false, follow: true },
  }
}

/** Where the subscribe form leads without JavaScript: how it went, and the form again on a problem. */
export default async function SubscribePage({ params, searchParams }: LocaleParams & SearchParams) {
  const locale = await pageLocale(params)
  const w = updateWords(locale)
  const query = await searchParams
  const error = single(query.error)?.slice(0, 40)
  const sent = single(query.result) === 'sent'
  return (
    <>
      <article className="container narrow section article">
        <h1>{w.subscribeTitle}</h1>
        {sent ? (
          <p role="status" data-result="sent">
            {w.sent}
          </p>
        ) : null}
        {error ? (
          <p role="alert" data-error={error}>
            {w.error[error] ?? w.error.email}
          </p>
        ) : null}
      </article>
      {sent ? null : <SubscribeForm locale={locale} id="subscribe-again" />}
    </>
  )
}
