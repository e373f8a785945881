import type { SearchRefusal } from './service'

/**
 * How the `search` resolver tells the GraphQL route that it refused (src/graphql/execute/operation.ts
 * turns it into the HTTP status, `Retry-After` and a GraphQL error). A resolver cannot set the
 * status, and a thrown error would be logged by Payload as a server error with its stack, for
 * every search while the index builds and for every hostile query. The header never leaves the
 * server: the route removes it.
 */
export const SEARCH_REFUSAL_HEADER = 'x-portal-search-refusal'

export type EncodedRefusal = SearchRefusal & { field: string }

/** One refusal as a header value (several fields may refuse: values are joined by ", "). */
export const encodeRefusal = ({ field, status, code, message, retryAfter }: EncodedRefusal) =>
  [status, code, retryAfter ?? 0, field, message].map((v) => encodeURIComponent(v)).join(' ')

export function decodeRefusals(header: string): EncodedRefusal[] {
  return header.split(', ').map((value) => {
    const [status, code, retryAfter, field, message] = value.split(' ').map(decodeURIComponent)
    return {
      status: Number(status) === 503 ? 503 : 400,
      code: code as SearchRefusal['code'],
      retryAfter: Number(retryAfter) || undefined,
      field: field ?? 'search',
      message: message ?? '',
    }
  })
}
