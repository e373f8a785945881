/**
 * The query parameters each list page reads, and nothing else: pages read them through
 * `pageQuery`, and the read cache keys a page by these alone (src/readCache/pageRequest.ts), so
 * `?utm_source=…` or any other parameter neither changes a page nor makes it a new cache entry.
 * A page that reads a new parameter adds it here, or the type checker refuses the read.
 */
export const pageQueries = {
  declaration: ['sector', 'country', 'page'],
  news: ['principle', 'tag', 'page'],
  projects: ['status', 'organization', 'principle', 'page'],
  organizations: ['page'],
  people: ['page'],
  search: ['q', 'type', 'page'],
} as const satisfies Record<string, readonly string[]>

export type QueryPage = keyof typeof pageQueries

type Given = Record<string, string | string[] | undefined>

/** The values of a page's own parameters, from Next's `searchParams`. */
export function pageQuery<P extends QueryPage>(
  page: P,
  given: Given,
): Partial<Record<(typeof pageQueries)[P][number], string | string[]>> {
  const own: Partial<Record<string, string | string[]>> = {}
  for (const name of pageQueries[page]) {
    const value = given[name]
    if (value !== undefined) own[name] = value
  }
  return own
}
