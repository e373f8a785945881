import { validate, type ExecutionArgs, type GraphQLError, type GraphQLSchema } from 'graphql'
import type { PayloadRequest } from 'payload'

import { LIMIT_CODE, limits } from '@/cms/apiLimits'
import { decodeRefusals, SEARCH_REFUSAL_HEADER } from '@/cms/search/refusalHeader'

import { parsedDocument } from '../request/documents'
import { complexityRule } from './complexityRule'
import { variableLimitRules } from './limitRules'
import { checkedDocument, variableErrors } from './validation'

/** What resolvers get as their context, as in Payload's route; `status` is what we decide. */
export type OperationContext = {
  /** Headers resolvers add to the answer (the search refusal stays inside the process). */
  headers: Record<string, string>
  req: PayloadRequest
}

/** The parameters of one operation, as graphql-http has checked them. */
export type OperationParams = {
  query: string
  variables?: Record<string, unknown> | null
  operationName?: string | null
}

/**
 * An operation ready to execute, or the errors that refuse it: the query's parse and the rules
 * that depend on the document alone come from the process's document cache; the rules that read
 * variables (root fields, page sizes, complexity) run once per document and set of variables.
 */
export function prepareOperation(
  schema: GraphQLSchema,
  params: OperationParams,
  contextValue: OperationContext,
  introspection: boolean,
): ExecutionArgs | readonly GraphQLError[] {
  const parsed = parsedDocument(params.query)
  if (!parsed.ok) return [parsed.error]
  const checked = checkedDocument(schema, parsed, introspection)
  if (checked.errors.length > 0) return checked.errors
  const args: ExecutionArgs = {
    schema,
    document: parsed.document,
    operationName: params.operationName,
    variableValues: params.variables,
    contextValue,
  }
  const errors = variableErrors(checked, params.variables, () =>
    validate(schema, parsed.document, [
      complexityRule(params.variables ?? undefined),
      ...variableLimitRules(args),
    ]),
  )
  return errors.length > 0 ? errors : args
}

/** Introspection, unless the config refuses it in production. */
export const introspectionAllowed = (req: PayloadRequest): boolean =>
  !(
    req.payload.config.graphQL?.disableIntrospectionInProduction &&
    process.env.NODE_ENV === 'production'
  )

/** The limit an operation was refused by (a label from the fixed list), or null. */
export function refusingLimit(errors: readonly GraphQLError[]): string | null {
  const error = errors.find((e) => e.extensions?.code === LIMIT_CODE)
  if (!error) return null
  const limit = error.extensions?.limit
  return typeof limit === 'string' && limit in limits ? limit : 'other'
}

/** Whether errors refuse the request for what it is (a limit, a fragment cycle): a 400. */
export const refusesRequest = (errors: readonly GraphQLError[]): boolean =>
  errors.some(
    (e) =>
      e.extensions?.code === LIMIT_CODE ||
      (e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && e.message.startsWith('Cannot spread')),
  )

export type SearchRefusalOutcome = {
  errors: { message: string; path: string[]; extensions: Record<string, unknown> }[]
  /** 400 for input the client must change, else 503 while the index is being built. */
  status: 400 | 503
  retryAfter?: number
}

/**
 * A refused `search`: the resolver leaves its refusal in a private context header
 * (src/cms/search/refusalHeader.ts), as a resolver cannot set the status and a thrown error
 * would be logged as a server error for every search while the index builds. Here it becomes
 * GraphQL errors and the status that says why.
 */
export function searchRefusal(context: OperationContext): SearchRefusalOutcome | null {
  const header = context.headers[SEARCH_REFUSAL_HEADER]
  if (!header) return null
  delete context.headers[SEARCH_REFUSAL_HEADER]
  const refusals = decodeRefusals(header)
  const unavailable = refusals.find((r) => r.status === 503)
  // The client's mistake first: retrying a bad query later would not help.
  const status = refusals.some((r) => r.status === 400) ? 400 : 503
  return {
    errors: refusals.map(({ field, code, message, retryAfter }) => ({
      message,
      path: [field],
      extensions: { code, ...(retryAfter ? { retryAfter } : {}) },
    })),
    status,
    retryAfter: status === 503 ? unavailable?.retryAfter : undefined,
  }
}
