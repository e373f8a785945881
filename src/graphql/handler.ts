import { configToSchema } from '@payloadcms/graphql'
import { validate, type GraphQLSchema } from 'graphql'
import type { OperationArgs } from 'graphql-http'
import { createHandler } from 'graphql-http/lib/use/fetch'
import {
  addDataAndFileToRequest,
  addLocalesToRequestFromData,
  createPayloadRequest,
  headersWithCors,
  mergeHeaders,
  unlinkClientUploadTempFile,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'

import { complexityRule } from './complexityRule'
import { analysedDocument, variableErrors } from './documents'
import { variableLimitRules } from './limitRules'
import { formatResolverError } from './resolverErrors'

type Handler = (request: Request) => Promise<Response>
/** What resolvers get as their context, as in Payload's route. */
type Context = { headers: Record<string, string>; req: PayloadRequest }

const SCHEMA = Symbol.for('initiative-portal.graphql-schema')
type Holder = { [SCHEMA]?: Promise<GraphQLSchema> }

/**
 * Payload's GraphQL schema, built once per process (the route module is loaded by Next and by
 * the express server: both share it). Development builds it anew on every request, as
 * Payload's route does, so a changed config shows at once.
 */
function schemaOf(config: Promise<SanitizedConfig> | SanitizedConfig): Promise<GraphQLSchema> {
  const holder = globalThis as Holder
  if (process.env.NODE_ENV === 'development' || !holder[SCHEMA]) {
    const build = async () => configToSchema(await config).schema
    const built = build()
    built.catch(() => {
      if (holder[SCHEMA] === built) delete holder[SCHEMA]
    })
    holder[SCHEMA] = built
  }
  return holder[SCHEMA]
}

/**
 * The GraphQL route over Payload's schema, answering as Payload's `GRAPHQL_POST` does (the same
 * request object, access, locales, CORS headers, resolver errors, graphql-http's statuses), but
 * with the document checked once: a query text is parsed and validated by the rules that
 * depend on the document alone the first time it comes (src/graphql/documents.ts), and the
 * rules that read variables (root fields, page sizes, complexity) once per set of variables.
 */
export function graphqlHandler(config: Promise<SanitizedConfig> | SanitizedConfig): Handler {
  return async (request) => {
    const original = request.clone()
    const req: PayloadRequest = await createPayloadRequest({ canSetHeaders: true, config, request })
    const { payload } = req
    if (payload.config.graphQL?.disable) return new Response(null, { status: 404 })
    const introspection = !(
      payload.config.graphQL?.disableIntrospectionInProduction &&
      process.env.NODE_ENV === 'production'
    )
    try {
      await addDataAndFileToRequest(req)
      addLocalesToRequestFromData(req)
      const schema = await schemaOf(config)
      const headers: Record<string, string> = {}
      const answer = await createHandler<Context>({
        schema,
        onSubscribe: (_request, params) => {
          const analysed = analysedDocument(schema, params.query, { introspection })
          if (!analysed.ok) return [...analysed.errors]
          const args: OperationArgs<Context> = {
            schema,
            document: analysed.document,
            operationName: params.operationName,
            variableValues: params.variables,
            contextValue: { headers, req },
          }
          const errors = variableErrors(analysed, params.variables, () =>
            validate(schema, analysed.document, [
              complexityRule(params.variables ?? undefined),
              ...variableLimitRules(args),
            ]),
          )
          return errors.length > 0 ? [...errors] : args
        },
        // Resolver errors in Payload's shape. (Payload's route also passes the result through
        // `payload.extensions`, which Payload 3.90 declares but never sets.)
        onOperation: async (_request, _args, result) => {
          if (!result.errors) return result
          const errors = await Promise.all(
            result.errors.map((error) => formatResolverError(error, req)),
          )
          return { ...result, errors } as unknown as typeof result
        },
      })(original)
      const responseHeaders = headersWithCors({ headers: new Headers(answer.headers), req })
      for (const [name, value] of Object.entries(headers)) responseHeaders.append(name, value)
      return new Response(answer.body, {
        status: answer.status,
        headers: req.responseHeaders
          ? mergeHeaders(req.responseHeaders, responseHeaders)
          : responseHeaders,
      })
    } finally {
      // An operation that writes no document never reaches Payload's own clean-up of uploads.
      await unlinkClientUploadTempFile({ req })
    }
  }
}
