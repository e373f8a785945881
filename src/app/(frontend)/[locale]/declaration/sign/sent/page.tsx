import type { Metadata } from 'next'

import { pageLocale, type LocaleParams } from '@/web/page'
import { paths } from '@/cms/documentPaths'
import { pageMetadata } from '@/web/seo'
import { signatureWords } from '@/web/signatureWords'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  return pageMetadata({
    locale,
    path: '/declaration/sign/sent',
    title: signatureWords(locale).sentTitle,
  })
}

/**
 * After signing: the same words whether the address is new, pending or has signed already, so
 * the screen reveals nothing about an address.
 */
export default async function SentPage({ params }: LocaleParams) {
  const locale = await pageLocale(params)
  const w = signatureWords(locale)
  return (
    <article className="container narrow section article">
      <h1>{w.sentTitle}</h1>
      <p role="status">{w.sentText}</p>
      <p>
        <a href={paths.declaration(locale)}>{w.backToDeclaration}</a>
      </p>
    </article>
  )
}
