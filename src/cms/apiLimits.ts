import { GraphQLError, type FieldNode } from 'graphql'

/**
 * What one request may ask of the server. Each refusal names its limit, and the GraphQL route
 * answers it with 400 whatever the Accept header (see `withLimitStatus`).
 */
export const limits = {
  /**
   * Largest page, in REST (`?limit=`) and GraphQL (`limit:`); `0` is refused, and
   * `pagination: false` too unless a `limit` up to this size bounds it (it skips the count).
   */
  maxPageSize: 100,
  /** Largest REST page for a signed-in user: Payload's admin asks for 250 (relationship lists). */
  maxPageSizeSignedIn: 250,
  /** Deepest selection (fields within fields), fragments included. */
  maxDepth: 12,
  /** Aliased fields in one operation, counted in every place a fragment is spread. */
  maxAliases: 20,
  /** Top-level fields in one operation, fragments and inline fragments at the root included. */
  maxRootFields: 15,
  /** Directives in one operation (`@skip`, `@include`), counted as for aliases. */
  maxDirectives: 50,
  /** Payload's complexity budget: about 3 x the home page (133), 2 x the heaviest operation (182). */
  maxComplexity: 400,
  /** Largest GraphQL request body in bytes. */
  maxBodyBytes: 64 * 1024,
} as const

export type LimitName = keyof typeof limits

/** The `extensions.code` of every refusal by a limit, for clients and for the route's status. */
export const LIMIT_CODE = 'LIMIT_EXCEEDED'

export const limitError = (limit: LimitName, message: string, node?: FieldNode) =>
  new GraphQLError(`${message} (limit ${limit} = ${limits[limit]})`, {
    nodes: node ? [node] : undefined,
    extensions: { code: LIMIT_CODE, limit, max: limits[limit] },
  })

export function pageSizeProblem(
  limit: unknown,
  pagination: unknown,
  max: number = limits.maxPageSize,
): string | null {
  // `pagination: false` with a `limit` is one page without Payload's count of all matches (for
  // operations that read no totals); without a `limit` it would return whole collections.
  if (limit === undefined || limit === null)
    return pagination === false ? `pagination: false needs a limit` : null
  const value = Number(limit)
  if (!Number.isFinite(value))
    return pagination === false ? `pagination: false needs a limit` : null
  if (value === 0) return `limit: 0 would return whole collections`
  if (value > max) return `limit ${value} is larger than the largest page`
  return null
}
