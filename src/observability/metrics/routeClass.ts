/**
 * What kind of request a request was, for the request metrics and the access log. A small fixed
 * set, so a label never grows with what clients send (paths, slugs, junk).
 */
export const routeClasses = [
  'graphql_cached',
  'graphql_uncached',
  'page',
  'rest',
  'admin',
  'upload',
  'static',
  'probe',
] as const
export type RouteClass = (typeof routeClasses)[number]

const PROBES = new Set(['/healthz', '/readyz', '/metrics'])

/**
 * `cache` is the response's `X-Cache` header: a GraphQL request answered from the read cache is
 * `graphql_cached`, every other one `graphql_uncached`. Uploads are the media collection's REST
 * routes (its files are served there too) and any multipart body (an upload from the admin).
 */
export function routeClassOf(
  path: string,
  contentType: string | undefined,
  cache: string | undefined,
): RouteClass {
  if (path === '/api/graphql') return cache === 'HIT' ? 'graphql_cached' : 'graphql_uncached'
  if (path.startsWith('/api/media') || contentType?.startsWith('multipart/')) return 'upload'
  if (path.startsWith('/api/')) return 'rest'
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin'
  if (PROBES.has(path)) return 'probe'
  if (path.startsWith('/_next/') || /\.[a-z0-9]{2,5}$/i.test(path)) return 'static'
  return 'page'
}
