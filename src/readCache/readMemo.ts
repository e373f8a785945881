import { GRAPHQL_VARY, graphqlGetRead, graphqlPostRead, type GraphQLRead } from './graphqlRequest'

/**
 * Frontends send the same few requests again and again. Classifying one (JSON.parse, the query's
 * analysis, the canonical key) costs about as much as answering a cache hit, so the result is
 * kept per exact request: body bytes or URL, and the headers the key includes. Only what the
 * classifiers read goes into the memo key, so a memoised answer is the one they would give.
 */
const ENTRIES = 500
const MAX_INPUT = 16 * 1024
const memo = new Map<string, GraphQLRead>()

function remembered(
  parts: string[],
  size: number,
  classify: () => GraphQLRead,
  header: (name: string) => string,
): GraphQLRead {
  const memoKey =
    size <= MAX_INPUT ? [...parts, ...GRAPHQL_VARY.map(header)].join('\u0000') : undefined
  const known = memoKey === undefined ? undefined : memo.get(memoKey)
  if (known) return known
  const read = classify()
  if (memoKey !== undefined) {
    if (memo.size >= ENTRIES) memo.delete(memo.keys().next().value as string)
    memo.set(memoKey, read)
  }
  return read
}

export function memoisedPostRead(
  body: Buffer,
  search: string,
  header: (name: string) => string,
): GraphQLRead {
  const text = body.toString('utf8')
  return remembered(
    ['POST', search, text],
    body.length,
    () => {
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch {
        return { cacheable: false, reason: 'malformed JSON' }
      }
      return graphqlPostRead(parsed, search, header)
    },
    header,
  )
}

/**
 * GETs without `extensions` only: a persisted-query request registers its query as a side effect
 * on every request (src/graphql/getRequests.ts), which a memo would skip.
 */
export function memoisedGetRead(url: URL, header: (name: string) => string): GraphQLRead {
  const classify = () => graphqlGetRead(url.searchParams, header)
  if (url.searchParams.has('extensions')) return classify()
  return remembered(['GET', url.search], url.search.length, classify, header)
}
