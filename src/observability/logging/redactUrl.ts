/**
 * Query parameters whose values are secrets (preview tokens, reset and confirmation tokens,
 * API keys), compared without case. Their values never reach a log.
 */
const SECRET_PARAMS = new Set([
  'token',
  'secret',
  'password',
  'key',
  'apikey',
  'api_key',
  'signature',
  'sig',
  'code',
])

/**
 * Paths that carry a token as a segment: Payload's reset and e-mail verification links (admin
 * and REST). A link added later that carries a token in its path belongs here too; the test in
 * test/unit/redactUrl.test.ts lists the ones the portal sends.
 */
const TOKEN_PATHS = [
  /^(\/admin\/reset\/)[^/?#]+/,
  /^(\/admin\/[\w-]+\/verify\/)[^/?#]+/,
  /^(\/admin\/verify\/)[^/?#]+/,
  /^(\/api\/[\w-]+\/verify\/)[^/?#]+/,
  /^(\/api\/[\w-]+\/reset-password\/)[^/?#]+/,
]

/**
 * Besides the known paths, any path segment that looks like a random token: 32 or more letters,
 * digits, `_` or `-` with at least one digit and no run of lower-case words joined by hyphens
 * (a slug) — e.g. Payload's 40-character hex reset tokens. Document IDs (UUIDs, 36 characters
 * with hyphens in fixed places) stay readable.
 */
const TOKEN_LIKE = /^(?=.*\d)[A-Za-z0-9_-]{32,}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)+$/

export const REDACTED = '[redacted]'

function redactSegment(segment: string): string {
  if (!TOKEN_LIKE.test(segment) || UUID.test(segment) || SLUG.test(segment)) return segment
  return REDACTED
}

/** The request target as it may be logged: token-bearing path segments and parameters redacted. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?')
  let path = queryAt < 0 ? url : url.slice(0, queryAt)
  const query = queryAt < 0 ? undefined : url.slice(queryAt + 1)
  for (const pattern of TOKEN_PATHS) path = path.replace(pattern, `$1${REDACTED}`)
  path = path.split('/').map(redactSegment).join('/')
  if (query === undefined) return path
  const redactedQuery = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=')
      if (equals < 0) return pair
      const name = pair.slice(0, equals)
      let decodedName = name
      try {
        decodedName = decodeURIComponent(name)
      } catch {
        // a malformed name is logged as it came; the URL guard has refused such requests anyway
      }
      return SECRET_PARAMS.has(decodedName.toLowerCase()) ? `${name}=${REDACTED}` : pair
    })
    .join('&')
  return `${path}?${redactedQuery}`
}
