import type { Metadata } from 'next'
import { SubscribeForm } from '@/web/components/updates/SubscribeForm'
import { cache } from 'react'

import { portalApi } from '@/web/api'
import { CardGrid, PersonCard } from '@/web/components/Cards'
import { FilterForm } from '@/web/components/FilterForm'
import { Pagination } from '@/web/components/Pagination'
import { PrinciplesList } from '@/web/components/Principles'
import { RichText } from '@/web/components/RichText'
import { formatDate } from '@/web/format'
import { t } from '@/web/i18n'
import { pageLocale, pageNumber, single, type LocaleParams, type SearchParams } from '@/web/page'
import { pageQuery } from '@/web/pageQueries'
import { paths } from '@/cms/documentPaths'
import { pageMetadata } from '@/web/seo'
import { sectorOptions, signatureWords } from '@/web/signatureWords'
import { DeclarationPageDocument, type Signatory_where } from '@/graphql/generated'
import type { Locale } from '@/core/locales'

export const dynamic = 'force-dynamic'

type ListFilter = { sector?: string; country?: string; page: number }

const load = cache(async (locale: Locale, sector?: string, country?: string, page = 1) => {
  const { client, preview } = await portalApi(locale)
  const where: Signatory_where = {}
  if (sector) where.sector = { equals: sector as never }
  if (country) where.country = { equals: country }
  return client.request(DeclarationPageDocument, { draft: preview, where, page })
})

/** The list's filters from the query string: a known sector, a two-letter country code. */
function listFilter(given: Record<string, string | string[] | undefined>): ListFilter {
  const own = pageQuery('declaration', given)
  const sector = single(own.sector)
  const country = single(own.country)?.toUpperCase()
  return {
    sector: sectorOptions('de').some((o) => o.value === sector) ? sector : undefined,
    country: country && /^[A-Z]{2}$/.test(country) ? country : undefined,
    page: pageNumber(own.page),
  }
}

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

type Signatory = NonNullable<Awaited<ReturnType<typeof load>>['Signatories']>['docs'][number]

/** The signatories' filter: by sector, and by a country's two-letter code. */
function SignatoryFilter({ locale, filter }: { locale: Locale; filter: ListFilter }) {
  const w = signatureWords(locale)
  return (
    <FilterForm
      locale={locale}
      action={`${paths.declaration(locale)}#signatories`}
      selects={[
        {
          name: 'sector',
          label: w.filterSector,
          value: filter.sector,
          options: sectorOptions(locale),
        },
      ]}
    >
      <label>
        <span>{w.filterCountry}</span>
        <input name="country" defaultValue={filter.country ?? ''} maxLength={2} size={3} />
      </label>
    </FilterForm>
  )
}

/** The named signatories of this page, each with their role and organization. */
function SignatoryList({ locale, signatories }: { locale: Locale; signatories: Signatory[] }) {
  if (!signatories.length) return <p className="empty">{t(locale).noSignatories}</p>
  return (
    <ul className="signatories">
      {signatories.map((signatory, index) => (
        <li key={`${signatory.displayName}-${index}`}>
          <strong>{signatory.displayName}</strong>
          {signatory.roleTitle ? `, ${signatory.roleTitle}` : null}
          {(signatory.organization?.name ?? signatory.organizationName) &&
          signatory.kind === 'person'
            ? ` (${signatory.organization?.name ?? signatory.organizationName})`
            : null}
        </li>
      ))}
    </ul>
  )
}

/** The declaration's title and subtitle, and when and where it was signed. */
function DeclarationHeader({
  locale,
  declaration,
}: {
  locale: Locale
  declaration: Awaited<ReturnType<typeof load>>['Declaration']
}) {
  const words = t(locale)
  return (
    <header>
      <h1>{declaration?.title}</h1>
      {declaration?.subtitle ? <p className="lead">{declaration.subtitle}</p> : null}
      {declaration?.signedOn ? (
        <p className="meta">
          {words.signedOn}{' '}
          <time dateTime={declaration.signedOn}>{formatDate(locale, declaration.signedOn)}</time>
          {declaration.place ? `, ${declaration.place}` : null}
        </p>
      ) : null}
    </header>
  )
}

/**
 * The declaration: its text, the four principles, the initiators, the count of signatures and
 * the signatories who chose to be named (paged, filterable by sector and country).
 */
export default async function DeclarationPage({
  params,
  searchParams,
}: LocaleParams & SearchParams) {
  const locale = await pageLocale(params)
  const words = t(locale)
  const w = signatureWords(locale)
  const filter = listFilter(await searchParams)
  const { Declaration, Signatories, signatureCount } = await load(
    locale,
    filter.sector,
    filter.country,
    filter.page,
  )
  const principles = Declaration?.principles ?? []
  const initiators = Declaration?.initiators ?? []
  const signatories = Signatories?.docs ?? []
  return (
    <article className="container narrow section article">
      <DeclarationHeader locale={locale} declaration={Declaration} />
      <p className="sign-call">
        <strong data-signature-count={signatureCount}>{w.count(signatureCount)}</strong>{' '}
        <a className="button" href={paths.sign(locale)}>
          {w.signNow}
        </a>
      </p>
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
        <SignatoryFilter locale={locale} filter={filter} />
        <SignatoryList locale={locale} signatories={signatories} />
        <Pagination
          locale={locale}
          basePath={paths.declaration(locale)}
          query={{ sector: filter.sector, country: filter.country }}
          page={filter.page}
          totalPages={Signatories?.totalPages ?? 1}
        />
        {Declaration?.callToAction ? <p className="call">{Declaration.callToAction}</p> : null}
      </section>
      <SubscribeForm locale={locale} />
    </article>
  )
}
