import Negotiator from 'negotiator'

/** A request header as one string ('' when absent). */
export type HeaderGetter = (name: string) => string

/**
 * The encoding Next will compress a page with, as its compression middleware chooses it
 * (gzip, else deflate, else none): every `Accept-Encoding` a client may send comes down to one
 * of three, so "gzip, br", "gzip;q=0.9, *" and "br, gzip" share one cached page.
 */
export function negotiatedEncoding(acceptEncoding: string): 'gzip' | 'deflate' | 'identity' {
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } })
  let encoding = negotiator.encoding(['gzip', 'deflate', 'identity'])
  if (encoding === 'deflate' && negotiator.encoding(['gzip'])) {
    encoding = negotiator.encoding(['gzip', 'identity'])
  }
  return encoding === 'gzip' || encoding === 'deflate' ? encoding : 'identity'
}

/** Next's navigation headers: they shape an RSC payload, and nothing else. */
const ROUTER_HEADERS = new Set([
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
])

/**
 * A page request's headers as its answer depends on them, for the cache key and for `Vary`
 * checks alike: `RSC` as on or off, Next's router headers only on an RSC request (a full page
 * ignores them), and `Accept-Encoding` as the encoding it will get. Pages build their absolute
 * links from SERVER_URL, so `Host` and `X-Forwarded-*` change nothing and are not keyed.
 */
export function pageHeaders(raw: HeaderGetter): HeaderGetter {
  const rsc = raw('rsc') === '1'
  return (name) => {
    if (name === 'rsc') return rsc ? '1' : ''
    if (ROUTER_HEADERS.has(name)) return rsc ? raw(name) : ''
    if (name === 'accept-encoding') return negotiatedEncoding(raw(name))
    return raw(name)
  }
}

/**
 * The media type graphql-http answers with for an `Accept` header (its own rule: the first
 * acceptable of `application/graphql-response+json` and `application/json`, `*` meaning the
 * latter); '' when it would answer 406.
 */
export function graphqlMediaType(accept: string): string {
  for (const entry of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [type, ...params] = entry.split(';')
    const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8'
    if (type === 'application/graphql-response+json' && charset === 'charset=utf-8') {
      return 'application/graphql-response+json'
    }
    if (
      (type === 'application/json' || type === 'application/*' || type === '*/*') &&
      (charset === 'charset=utf-8' || charset === 'charset=utf8')
    ) {
      return 'application/json'
    }
  }
  return ''
}

/**
 * A GraphQL request's headers as its answer depends on them: `Origin` only when it is one the
 * portal allows (CORS echoes it; any other gets no CORS headers, as if it had sent none), and
 * `Accept` as the media type it will get.
 */
export function graphqlHeaders(raw: HeaderGetter, allowedOrigins: readonly string[]): HeaderGetter {
  return (name) => {
    if (name === 'origin') {
      const origin = raw(name)
      return allowedOrigins.includes(origin) ? origin : ''
    }
    if (name === 'accept') return graphqlMediaType(raw(name))
    return raw(name)
  }
}
