import type { Metadata } from 'next'
import { SubscribeForm } from '@/web/components/updates/SubscribeForm'

import { portalApi } from '@/web/api'
import { CardGrid, NewsCard } from '@/web/components/Cards'
import { FilterForm, slugOptions } from '@/web/components/FilterForm'
import { Pagination } from '@/web/components/Pagination'
import { t } from '@/web/i18n'
import { pageLocale, pageNumber, single, type LocaleParams, type SearchParams } from '@/web/page'
import { pageQuery } from '@/web/pageQueries'
import { paths } from '@/cms/documentPaths'
import { pageMetadata } from '@/web/seo'
import {
  NewsListDocument,
  PrincipleOptionsDocument,
  type NewsItem_where,
} from '@/graphql/generated'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  return pageMetadata({ locale, path: '/news', title: t(locale).news })
}

/** All news, newest first, filtered by principle and tag (both in the query string). */
export default async function NewsListPage({ params, searchParams }: LocaleParams & SearchParams) {
  const locale = await pageLocale(params)
  const words = t(locale)
  const query = pageQuery('news', await searchParams)
  const principle = single(query.principle)
  const tag = single(query.tag)
  const page = pageNumber(query.page)

  const { client } = await portalApi(locale)
  const options = await client.request(PrincipleOptionsDocument, {})
  const principles = options.Principles?.docs ?? []
  const principleId = principles.find((p) => p.slug === principle)?.id

  const where: NewsItem_where = {}
  if (principleId) where.principles = { in: [principleId] }
  if (tag) where.tags = { contains: tag }
  // An unknown principle slug matches nothing, rather than silently showing everything.
  const list =
    principle && !principleId
      ? null
      : await client.request(NewsListDocument, { where, page, limit: 12 })
  const docs = list?.News?.docs ?? []

  return (
    <div className="container section">
      <h1>{words.news}</h1>
      <FilterForm
        locale={locale}
        action={paths.news(locale)}
        selects={[
          {
            name: 'principle',
            label: words.principle,
            value: principle,
            options: slugOptions(principles),
          },
        ]}
      >
        <label>
          <span>{words.tag}</span>
          <input type="text" name="tag" defaultValue={tag ?? ''} />
        </label>
      </FilterForm>
      <CardGrid count={docs.length} empty={words.noResults}>
        {docs.map((item) => (
          <NewsCard key={item.slug} item={item} locale={locale} />
        ))}
      </CardGrid>
      <Pagination
        locale={locale}
        basePath={paths.news(locale)}
        query={{ principle, tag }}
        page={list?.News?.page ?? 1}
        totalPages={list?.News?.totalPages ?? 1}
      />
      <SubscribeForm locale={locale} />
    </div>
  )
}
