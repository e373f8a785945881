import type { Metadata } from 'next'
import { cache } from 'react'

import { portalApi } from '@/frontend/api'
import { CardGrid, PersonCard } from '@/frontend/components/Cards'
import { PrinciplesList } from '@/frontend/components/Principles'
import { RichText } from '@/frontend/components/RichText'
import { formatDate } from '@/frontend/format'
import { t } from '@/frontend/i18n'
import { pageLocale, type LocaleParams } from '@/frontend/page'
import { pageMetadata } from '@/frontend/seo'
import { DeclarationPageDocument } from '@/graphql/generated'
import type { Locale } from '@/locales'

export const dynamic = 'force-dynamic'

const load = cache(async (locale: Locale) => {
  const { client, preview } = await portalApi(locale)
  return client.request(DeclarationPageDocument, { draft: preview })
})

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  const { Declaration } = await load(locale)
  return pageMetadata({
    locale,
    path: '/declaration',
    title: Declaration?.title ?? t(locale).declaration,
    description: Declaration?.subtitle,
  })
}

/** The declaration: its text, the four principles, the initiators and the approved signatories. */
export default async function DeclarationPage({ params }: LocaleParams) {
  const locale = await pageLocale(params)
  const words = t(locale)
  const { Declaration, Signatories } = await load(locale)
  const principles = Declaration?.principles ?? []
  const initiators = Declaration?.initiators ?? []
  const signatories = Signatories?.docs ?? []
  return (
    <article className="container narrow section article">
      <header>
        <h1>{Declaration?.title}</h1>
        {Declaration?.subtitle ? <p className="lead">{Declaration.subtitle}</p> : null}
        {Declaration?.signedOn ? (
          <p className="meta">
            {words.signedOn}{' '}
            <time dateTime={Declaration.signedOn}>{formatDate(locale, Declaration.signedOn)}</time>
            {Declaration.place ? `, ${Declaration.place}` : null}
          </p>
        ) : null}
      </header>
      <RichText data={Declaration?.body} locale={locale} />
      <section aria-labelledby="principles">
        <h2 id="principles">{words.principles}</h2>
        <PrinciplesList principles={principles} />
      </section>
      <section aria-labelledby="initiators">
        <h2 id="initiators">{words.initiators}</h2>
        <CardGrid count={initiators.length} empty={words.noResults}>
          {initiators.map((person) => (
            <PersonCard key={person.slug} person={person} locale={locale} />
          ))}
        </CardGrid>
      </section>
      <section aria-labelledby="signatories">
        <h2 id="signatories">{words.signatories}</h2>
        {signatories.length ? (
          <ul className="signatories">
            {signatories.map((signatory, index) => (
              <li key={`${signatory.displayName}-${index}`}>
                <strong>{signatory.displayName}</strong>
                {signatory.roleTitle ? `, ${signatory.roleTitle}` : null}
                {signatory.organization?.name && signatory.kind === 'person'
                  ? ` (${signatory.organization.name})`
                  : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{words.noSignatories}</p>
        )}
        {Declaration?.callToAction ? <p className="call">{Declaration.callToAction}</p> : null}
      </section>
    </article>
  )
}
