import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { limits, pageSizeProblem } from '@/cms/apiLimits'

/**
 * A page-size refusal: the client's mistake, logged at info level (see `loggingLevels` in the
 * config), not as a server error. The name is set by hand because minified builds rename classes.
 */
export class PageSizeRefused extends APIError {
  constructor(message: string) {
    super(message, 400, null, true)
    this.name = 'PageSizeRefused'
  }
}

/**
 * Payload has a default page size but no maximum: `?limit=0`, a huge `limit` or
 * `pagination=false` return whole collections. REST requests asking for that are refused here with
 * a 400; GraphQL ones are refused earlier, when the query is validated (src/cms/apiLimits.ts).
 * Signed-in users may ask for larger pages than the public: Payload's admin asks for 250
 * documents when it lists the choices of a relationship field or the titles of a list's column.
 */
export const refuseLargePages: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  // What the client asked for in the URL, not what Payload asks itself: populating
  // relationships reads with `pagination: false`, bounded by the page the client got.
  const query = (req.query ?? {}) as { limit?: unknown; pagination?: unknown }
  if (operation !== 'read' || (args as { overrideAccess?: boolean }).overrideAccess) return args
  const pagination = query.pagination === 'false' || query.pagination === false ? false : undefined
  const limit = req.user ? 'maxPageSizeSignedIn' : 'maxPageSize'
  const problem = pageSizeProblem(query.limit, pagination, limits[limit])
  if (problem) throw new PageSizeRefused(`${problem} (limit ${limit} = ${limits[limit]})`)
  return args
}
