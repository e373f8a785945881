import type { Metadata } from 'next'

import { portalApi } from '@/web/api'
import { CardGrid, PersonCard } from '@/web/components/Cards'
import { Pagination } from '@/web/components/Pagination'
import { t } from '@/web/i18n'
import { pageLocale, pageNumber, type LocaleParams, type SearchParams } from '@/web/page'
import { pageQuery } from '@/web/pageQueries'
import { paths } from '@/cms/documentPaths'
import { pageMetadata } from '@/web/seo'
import { PeopleDirectoryDocument } from '@/graphql/generated'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  return pageMetadata({ locale, path: '/people', title: t(locale).people })
}

/** The people who carry the initiative: initiators first, then by name. */
export default async function PeoplePage({ params, searchParams }: LocaleParams & SearchParams) {
  const locale = await pageLocale(params)
  const words = t(locale)
  const page = pageNumber(pageQuery('people', await searchParams).page)
  const { client } = await portalApi(locale)
  const { People } = await client.request(PeopleDirectoryDocument, { page })
  const docs = People?.docs ?? []
  return (
    <div className="container section">
      <h1>{words.people}</h1>
      <CardGrid count={docs.length} empty={words.noResults}>
        {docs.map((person) => (
          <PersonCard key={person.slug} person={person} locale={locale} />
        ))}
      </CardGrid>
      <Pagination
        locale={locale}
        basePath={paths.people(locale)}
        query={{}}
        page={page}
        totalPages={page + (People?.hasNextPage ? 1 : 0)}
      />
    </div>
  )
}
