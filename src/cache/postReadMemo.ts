import { GRAPHQL_VARY, graphqlPostRead, type GraphQLRead } from './graphqlRequest'

/**
 * Frontends post the same few bodies again and again. Classifying one (JSON.parse, the query's
 * analysis, the canonical key) costs about as much as answering a cache hit, so the result is
 * kept per exact request: body bytes, query string and the headers the key includes. Only what
 * `graphqlPostRead` reads goes into the memo key, so a memoised answer is the one it would give.
 */
const ENTRIES = 500
const MAX_BODY = 16 * 1024
const memo = new Map<string, GraphQLRead>()

export function memoisedPostRead(
  body: Buffer,
  search: string,
  header: (name: string) => string,
): GraphQLRead {
  const text = body.toString('utf8')
  const memoKey =
    body.length <= MAX_BODY ? [search, ...GRAPHQL_VARY.map(header), text].join('\u0000') : undefined
  const known = memoKey === undefined ? undefined : memo.get(memoKey)
  if (known) return known
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { cacheable: false, reason: 'malformed JSON' }
  }
  const read = graphqlPostRead(parsed, search, header)
  if (memoKey !== undefined) {
    if (memo.size >= ENTRIES) memo.delete(memo.keys().next().value as string)
    memo.set(memoKey, read)
  }
  return read
}
