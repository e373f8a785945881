import { execute, type GraphQLFormattedError } from 'graphql'

import { servedConfig } from '@/core/servedConfig'

import {
  introspectionAllowed,
  prepareOperation,
  searchRefusal,
  type OperationContext,
} from './operation'
import { payloadRequestFor } from './payloadRequest'
import { formatResolverError } from './resolverErrors'
import { schemaOf } from './schema'

/** An operation refused or failed in-process; `status` is what HTTP would have answered. */
export class OperationError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQLFormattedError[],
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`)
    this.name = 'OperationError'
  }
}

/**
 * Runs one operation for the portal's own pages, in this process: the same schema, document
 * cache, limits, access and error shapes as an HTTP request, but the result is handed back as
 * the object GraphQL built, neither serialised nor parsed again. `token` is a signed-in
 * visitor's own session token (preview): with none, the page reads what the public reads.
 */
export async function runOperation(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<Record<string, unknown>> {
  const config = servedConfig()
  if (!config) throw new Error('No Payload instance has started in this process')
  const headers = new Headers(token ? { Authorization: `JWT ${token}` } : {})
  const req = await payloadRequestFor(config, 'http://portal.internal/api/graphql', headers, {
    query,
    variables,
  })
  const context: OperationContext = { headers: {}, req }
  const prepared = prepareOperation(
    await schemaOf(config),
    { query, variables },
    context,
    introspectionAllowed(req),
  )
  if (Array.isArray(prepared)) {
    throw new OperationError(
      400,
      prepared.map((error) => error.toJSON()),
    )
  }
  const result = await execute(prepared as Parameters<typeof execute>[0])
  const refusal = searchRefusal(context)
  if (refusal) throw new OperationError(refusal.status, refusal.errors)
  if (result.errors?.length || !result.data) {
    const errors = await Promise.all((result.errors ?? []).map((e) => formatResolverError(e, req)))
    throw new OperationError(200, errors)
  }
  return result.data as Record<string, unknown>
}
