import type { Metadata } from 'next'

import { portalApi } from '@/web/api'
import { CardGrid, OrganizationCard } from '@/web/components/Cards'
import { Pagination } from '@/web/components/Pagination'
import { RichText } from '@/web/components/RichText'
import { t } from '@/web/i18n'
import { pageLocale, pageNumber, type LocaleParams, type SearchParams } from '@/web/page'
import { pageQuery } from '@/web/pageQueries'
import { paths } from '@/cms/documentPaths'
import { pageMetadata } from '@/web/seo'
import { OrganizationListDocument } from '@/graphql/generated'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  return pageMetadata({ locale, path: '/organizations', title: t(locale).organizations })
}

/** The organizations behind the initiative and its projects, by name. */
export default async function OrganizationsPage({
  params,
  searchParams,
}: LocaleParams & SearchParams) {
  const locale = await pageLocale(params)
  const words = t(locale)
  const page = pageNumber(pageQuery('organizations', await searchParams).page)
  const { client } = await portalApi(locale)
  const { Organizations } = await client.request(OrganizationListDocument, { page })
  const docs = Organizations?.docs ?? []
  return (
    <div className="container section">
      <h1>{words.organizations}</h1>
      <CardGrid count={docs.length} empty={words.noResults}>
        {docs.map((organization) => (
          <OrganizationCard key={organization.slug} organization={organization}>
            <RichText data={organization.description} locale={locale} />
          </OrganizationCard>
        ))}
      </CardGrid>
      <Pagination
        locale={locale}
        basePath={paths.organizations(locale)}
        query={{}}
        page={page}
        totalPages={page + (Organizations?.hasNextPage ? 1 : 0)}
      />
    </div>
  )
}
