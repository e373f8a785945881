import type { GraphQLError, GraphQLFormattedError } from 'graphql'
import { logError, type PayloadRequest } from 'payload'

/**
 * A resolver's error as Payload's GraphQL route answers it: the error's own HTTP status in
 * `extensions.statusCode` (500 when it has none), its name and data, and for a 500 only
 * "Something went wrong." unless the config is in debug mode, since an internal error can carry
 * anything. Payload's `afterError` hooks may rewrite the result, as in Payload's own route.
 */
export async function formatResolverError(
  error: GraphQLError,
  req: PayloadRequest,
): Promise<GraphQLFormattedError> {
  const { payload } = req
  const original = error.originalError as (Error & { status?: number; data?: unknown }) | undefined
  const status = original?.status || 500
  logError({ err: error, payload })
  let formatted: GraphQLFormattedError = {
    message: !payload.config.debug && status === 500 ? 'Something went wrong.' : error.message,
    locations: error.locations,
    path: error.path,
    extensions: {
      name: original?.name || undefined,
      data: original?.data || undefined,
      stack: payload.config.debug ? error.stack : undefined,
      statusCode: status,
    },
  }
  for (const hook of payload.config.hooks.afterError ?? []) {
    const result = await hook({ context: req.context, error, graphqlResult: formatted, req })
    if (result?.graphqlResult) formatted = result.graphqlResult
  }
  return formatted
}
