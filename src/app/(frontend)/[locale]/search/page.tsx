import type { Metadata } from 'next'

import { portalApi } from '@/web/api'
import { Marked } from '@/web/components/Marked'
import { Pagination } from '@/web/components/Pagination'
import { formatDate } from '@/web/format'
import { t } from '@/web/i18n'
import { pageLocale, pageNumber, single, type LocaleParams, type SearchParams } from '@/web/page'
import { pageQuery } from '@/web/pageQueries'
import { paths } from '@/cms/documentPaths'
import { pageMetadata } from '@/web/seo'
import { GraphQLRequestError } from '@/graphql/client'
import { SearchPageDocument, type SearchPageQuery, type SearchType } from '@/graphql/generated'
import { isSearchType, searchTypes } from '@/cms/search/sources'
import type { Locale } from '@/core/locales'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  return {
    ...pageMetadata({ locale, path: '/search', title: t(locale).search }),
    // Results pages are endless and change with every publish: never in a search engine's index.
    robots: { index: false, follow: true },
  }
}

type Results = NonNullable<SearchPageQuery['search']>

/** The query, the kind of result to show (with how many of each), and the button. */
function SearchForm(props: {
  locale: Locale
  q?: string
  type?: SearchType
  results: Results | null
}) {
  const { locale, q, type, results } = props
  const words = t(locale)
  const counts = new Map(results?.counts.map((c) => [c.type, c.count]) ?? [])
  const all = results?.counts.reduce((sum, c) => sum + c.count, 0) ?? 0
  return (
    <form
      role="search"
      aria-label={words.searchPageLandmark}
      className="filters search-form"
      method="get"
      action={paths.search(locale)}
    >
      <label>
        <span>{words.searchLabel}</span>
        <input type="search" name="q" defaultValue={q ?? ''} maxLength={200} />
      </label>
      <label>
        <span>{words.searchType}</span>
        <select name="type" defaultValue={type ?? ''}>
          <option value="">
            {words.allTypes}
            {results ? ` (${all})` : ''}
          </option>
          {searchTypes.map((value) => (
            <option key={value} value={value}>
              {words.typeLabels[value]}
              {results ? ` (${counts.get(value) ?? 0})` : ''}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{words.searchButton}</button>
    </form>
  )
}

/** This page's results: title and snippet with the matched words marked, kind and date. */
function Hits({ locale, results }: { locale: Locale; results: Results | null }) {
  if (!results?.docs.length) return null
  const words = t(locale)
  return (
    <ol className="search-results">
      {results.docs.map((hit) => (
        <li key={`${hit.type}:${hit.path}`}>
          <h2>
            <a href={hit.path}>
              <Marked value={hit.title} locale={locale} />
            </a>
          </h2>
          <p className="search-meta">
            {words.typeLabels[hit.type]}
            {hit.date ? ` · ${formatDate(locale, hit.date)}` : ''}
          </p>
          {hit.snippet ? <Marked as="p" value={hit.snippet} locale={locale} /> : null}
        </li>
      ))}
    </ol>
  )
}

/**
 * The results page: `?q=` (the query), `?type=` (one kind), `?page=`. Plain links and a GET
 * form: it works without script. Refused queries show why instead of results.
 */
export default async function SearchPage({ params, searchParams }: LocaleParams & SearchParams) {
  const locale = await pageLocale(params)
  const words = t(locale)
  const query = pageQuery('search', await searchParams)
  const q = single(query.q)
  const typeParam = single(query.type)
  const type = isSearchType(typeParam) ? (typeParam as SearchType) : undefined
  const page = pageNumber(query.page)

  let results: Results | null = null
  let problem: string | null = null
  if (q) {
    const { client } = await portalApi(locale)
    try {
      const data = await client.request(SearchPageDocument, {
        query: q,
        types: type ? [type] : null,
        page: Math.min(page, 1000),
      })
      results = data.search ?? null
    } catch (error) {
      if (!(error instanceof GraphQLRequestError) || ![400, 503].includes(error.status)) throw error
      problem = error.status === 503 ? words.searchUnavailable : words.searchTooLong
    }
  }

  return (
    <div className="container section">
      <h1>{words.search}</h1>
      <SearchForm locale={locale} q={q} type={type} results={results} />

      <p role="status" className="search-status">
        {problem ??
          (!q
            ? words.searchPrompt
            : results?.totalDocs
              ? words.searchCount(results.totalDocs, q)
              : words.searchNothing(q))}
      </p>

      <Hits locale={locale} results={results} />

      {results ? (
        <Pagination
          locale={locale}
          basePath={paths.search(locale)}
          query={{ q, type }}
          page={results.page}
          totalPages={results.totalPages}
        />
      ) : null}
    </div>
  )
}
