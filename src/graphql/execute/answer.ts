import type { ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql'
import { createHandler, type Handler, type OperationArgs } from 'graphql-http'
import {
  headersWithCors,
  mergeHeaders,
  unlinkClientUploadTempFile,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'

import { countRefusal } from '@/observability/metrics/count'

import type { GraphQLCall } from '../request/call'
import {
  introspectionAllowed,
  prepareOperation,
  refusesRequest,
  refusingLimit,
  searchRefusal,
  type OperationContext,
} from './operation'
import { payloadRequestFor } from './payloadRequest'
import { formatResolverError } from './resolverErrors'
import { schemaOf } from './schema'

/** A GraphQL answer as it goes on the wire. */
export type GraphQLAnswer = {
  status: number
  headers: Headers
  body: string
  /** The answer carries errors (or is no answer at all): never worth keeping. */
  errors: boolean
}

/** What one HTTP call carries through graphql-http, and what it decides about the status. */
type CallContext = {
  operation: OperationContext
  introspection: boolean
  status?: number
  retryAfter?: number
  searchRefused?: boolean
  errors?: boolean
}

const handlers = new WeakMap<GraphQLSchema, Handler<unknown, CallContext>>()

/**
 * graphql-http over Payload's schema, once per schema, answering as Payload's route does (its
 * statuses by Accept header, resolver errors in Payload's shape), with the portal's limits: a
 * request refused by a limit or for a fragment cycle is a 400 whatever the Accept header, and a
 * refused search is a 400 or a 503 with `Retry-After`.
 */
function handlerFor(schema: GraphQLSchema): Handler<unknown, CallContext> {
  const known = handlers.get(schema)
  if (known) return known
  const handler = createHandler<unknown, CallContext, OperationContext>({
    schema,
    onSubscribe: (req, params) => {
      const context = req.context
      const prepared = prepareOperation(schema, params, context.operation, context.introspection)
      if (!Array.isArray(prepared)) return prepared as OperationArgs<OperationContext>
      const errors = prepared as readonly GraphQLError[]
      context.errors = true
      if (refusesRequest(errors)) context.status = 400
      const limit = refusingLimit(errors)
      if (limit) countRefusal('graphql_cost', limit)
      return [...errors]
    },
    onOperation: async (req, _args, result) => {
      const context = req.context
      const refusal = searchRefusal(context.operation)
      const errors = await Promise.all(
        (result.errors ?? []).map((error) => formatResolverError(error, context.operation.req)),
      )
      if (refusal) {
        context.status = refusal.status
        context.retryAfter = refusal.retryAfter
        context.searchRefused = true
      }
      const all = [...errors, ...(refusal?.errors ?? [])]
      if (all.length === 0) return result
      context.errors = true
      return { ...result, errors: all } as unknown as ExecutionResult
    },
  })
  handlers.set(schema, handler)
  return handler
}

/**
 * Answers one GraphQL call over HTTP: the express endpoint's anonymous calls and Next's route
 * (logged-in users) both come here. `url` is on the portal's own origin; `headers` are the
 * client's (credentials, Accept, Origin).
 */
export async function answerGraphQL(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  call: GraphQLCall,
  url: string,
  headers: Headers,
): Promise<GraphQLAnswer> {
  const req = await payloadRequestFor(config, url, headers, call.body)
  try {
    if (req.payload.config.graphQL?.disable)
      return { status: 404, headers: new Headers(), body: '', errors: true }
    const context: CallContext = {
      operation: { headers: {}, req },
      introspection: introspectionAllowed(req),
    }
    const [body, init] = await handlerFor(await schemaOf(config))({
      method: 'POST',
      url,
      // A GET arrives as the POST it stands for: graphql-http reads a JSON body.
      headers: {
        get: (name) => (name === 'content-type' ? 'application/json' : headers.get(name)),
      },
      body: () => call.body as Record<string, unknown> | null,
      raw: undefined,
      context,
    })
    return {
      status: context.status ?? init.status ?? 200,
      headers: answerHeaders(req, init.headers, context),
      body: typeof body === 'string' ? body : '',
      // Parameters graphql-http refused (a 4xx before any operation) carry errors too.
      errors: context.errors === true || (init.status ?? 200) !== 200,
    }
  } finally {
    // An operation that writes no document never reaches Payload's own clean-up of uploads.
    await unlinkClientUploadTempFile({ req })
  }
}

/** graphql-http's headers, CORS, what resolvers and Payload set, and a refused search's. */
function answerHeaders(
  req: PayloadRequest,
  fromHandler: Record<string, string> | undefined,
  context: CallContext,
): Headers {
  const headers = headersWithCors({ headers: new Headers(fromHandler), req })
  for (const [name, value] of Object.entries(context.operation.headers)) headers.append(name, value)
  if (context.retryAfter) headers.set('Retry-After', String(context.retryAfter))
  if (context.searchRefused) headers.set('Cache-Control', 'no-store')
  return req.responseHeaders ? mergeHeaders(req.responseHeaders, headers) : headers
}
