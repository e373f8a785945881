import Link from 'next/link'

import type { Locale } from '@/core/locales'

import { t } from '../i18n'

/** Previous/next links that keep the list's filters. Nothing when everything fits on one page. */
export function Pagination({
  locale,
  basePath,
  query,
  page,
  totalPages,
}: {
  locale: Locale
  basePath: string
  query: Record<string, string | undefined>
  page: number
  totalPages: number
}) {
  if (totalPages <= 1) return null
  const words = t(locale)
  const href = (target: number) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(query)) if (value) search.set(key, value)
    if (target > 1) search.set('page', String(target))
    const qs = search.toString()
    return qs ? `${basePath}?${qs}` : basePath
  }
  return (
    <nav aria-label={words.pagination} className="pagination">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          ← {words.previous}
        </Link>
      ) : (
        <span />
      )}
      <span>{words.pageOf(page, totalPages)}</span>
      {page < totalPages ? (
        <Link href={href(page + 1)} rel="next">
          {words.next} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
