import type { Metadata } from 'next'

import { SubscriptionStep } from '@/web/components/updates/SubscriptionStep'
import { pageLocale, single, type LocaleParams, type SearchParams } from '@/web/page'
import { pageMetadata } from '@/web/seo'
import { updateWords } from '@/web/updateWords'

// Never cached (src/readCache/pageRequest.ts): the page carries one subscriber's token.
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  return {
    ...pageMetadata({
      locale,
      path: '/updates/unsubscribe',
      title: updateWords(locale).unsubscribeTitle,
    }),
    robots: { index: false, follow: false },
  }
}

export default async function UnsubscribePage({
  params,
  searchParams,
}: LocaleParams & SearchParams) {
  const locale = await pageLocale(params)
  const query = await searchParams
  return (
    <SubscriptionStep
      locale={locale}
      action="unsubscribe"
      token={single(query.token)?.slice(0, 100)}
      result={single(query.result)?.slice(0, 40)}
    />
  )
}
