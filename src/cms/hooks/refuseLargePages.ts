import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { limits, pageSizeProblem } from '@/cms/apiLimits'

/**
 * Payload has a default page size but no maximum: `?limit=0`, a huge `limit` or
 * `pagination=false` return whole collections. REST requests asking for that are refused here with
 * a 400; GraphQL ones are refused earlier, when the query is validated (src/cms/apiLimits.ts).
 */
export const refuseLargePages: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  // What the client asked for in the URL, not what Payload asks itself: populating
  // relationships reads with `pagination: false`, bounded by the page the client got.
  const query = (req.query ?? {}) as { limit?: unknown; pagination?: unknown }
  if (operation !== 'read' || (args as { overrideAccess?: boolean }).overrideAccess) return args
  const pagination = query.pagination === 'false' || query.pagination === false ? false : undefined
  const problem = pageSizeProblem(query.limit, pagination)
  if (problem) throw new APIError(`${problem} (limit maxPageSize = ${limits.maxPageSize})`, 400)
  return args
}
