import type { Metadata } from 'next'

import { TokenAction } from '@/web/components/signing/TokenAction'
import { pageLocale, single, type LocaleParams, type SearchParams } from '@/web/page'
import { pageMetadata } from '@/web/seo'
import { signatureWords } from '@/web/signatureWords'

// Never cached (src/readCache/pageRequest.ts): the page carries the token of one signer's link.
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  return {
    ...pageMetadata({
      locale,
      path: '/declaration/withdraw',
      title: signatureWords(locale).withdrawTitle,
    }),
    robots: { index: false, follow: false },
  }
}

export default async function WithdrawPage({ params, searchParams }: LocaleParams & SearchParams) {
  const locale = await pageLocale(params)
  const query = await searchParams
  return (
    <TokenAction
      locale={locale}
      action="withdraw"
      token={single(query.token)?.slice(0, 64)}
      result={(single(query.result) ?? single(query.error))?.slice(0, 40)}
    />
  )
}
