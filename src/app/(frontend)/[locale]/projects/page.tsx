import type { Metadata } from 'next'

import { portalApi } from '@/web/api'
import { CardGrid, ProjectCard } from '@/web/components/Cards'
import { FilterForm, slugOptions } from '@/web/components/FilterForm'
import { Pagination } from '@/web/components/Pagination'
import { t, type Dictionary } from '@/web/i18n'
import { pageLocale, pageNumber, single, type LocaleParams, type SearchParams } from '@/web/page'
import { pageQuery } from '@/web/pageQueries'
import { paths } from '@/cms/documentPaths'
import { pageMetadata } from '@/web/seo'
import {
  FilterOptionsDocument,
  ProjectListDocument,
  type FilterOptionsQuery,
  type Project_status_Input,
  type Project_where,
} from '@/graphql/generated'

export const dynamic = 'force-dynamic'

// The schema's enum, in the order a visitor thinks of a project's life.
const statuses: Project_status_Input[] = ['planned', 'active', 'completed']

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  return pageMetadata({ locale, path: '/projects', title: t(locale).projects })
}

/** The list's three filters, each with what it is set to. */
function filterSelects(
  words: Dictionary,
  chosen: { status?: string; organization?: string; principle?: string },
  options: FilterOptionsQuery,
) {
  return [
    {
      name: 'status',
      label: words.status,
      value: chosen.status,
      options: statuses.map((value) => ({ value, label: words.statusLabels[value] })),
    },
    {
      name: 'organization',
      label: words.organization,
      value: chosen.organization,
      options: slugOptions(options.Organizations?.docs ?? []),
    },
    {
      name: 'principle',
      label: words.principle,
      value: chosen.principle,
      options: slugOptions(options.Principles?.docs ?? []),
    },
  ]
}

/** Partner projects, filtered by status, organization and principle (all in the query string). */
export default async function ProjectListPage({
  params,
  searchParams,
}: LocaleParams & SearchParams) {
  const locale = await pageLocale(params)
  const words = t(locale)
  const query = pageQuery('projects', await searchParams)
  const status = statuses.find((value) => value === single(query.status))
  const organization = single(query.organization)
  const principle = single(query.principle)
  const page = pageNumber(query.page)

  const { client } = await portalApi(locale)
  const options = await client.request(FilterOptionsDocument, {})
  const principles = options.Principles?.docs ?? []
  const organizations = options.Organizations?.docs ?? []
  const principleId = principles.find((p) => p.slug === principle)?.id
  const organizationId = organizations.find((o) => o.slug === organization)?.id

  const where: Project_where = {}
  if (status) where.status = { equals: status }
  if (organizationId) where.organization = { equals: organizationId }
  if (principleId) where.principles = { in: [principleId] }
  // A filter naming something that does not exist matches nothing.
  const unknown = (principle && !principleId) || (organization && !organizationId)
  const list = unknown
    ? null
    : await client.request(ProjectListDocument, { where, page, limit: 12 })
  const docs = list?.Projects?.docs ?? []

  return (
    <div className="container section">
      <h1>{words.projects}</h1>
      <FilterForm
        locale={locale}
        action={paths.projects(locale)}
        selects={filterSelects(words, { status, organization, principle }, options)}
      />
      <CardGrid count={docs.length} empty={words.noResults}>
        {docs.map((project) => (
          <ProjectCard key={project.slug} project={project} locale={locale} />
        ))}
      </CardGrid>
      <Pagination
        locale={locale}
        basePath={paths.projects(locale)}
        query={{ status, organization, principle }}
        page={list?.Projects?.page ?? 1}
        totalPages={list?.Projects?.totalPages ?? 1}
      />
    </div>
  )
}
