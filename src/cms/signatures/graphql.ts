import type { GraphQLFieldConfig } from 'graphql'
import { APIError, type PayloadRequest } from 'payload'

import { RateLimitedError } from '@/operations/rateLimiterStore'
import { clientAddressOf } from '@/core/clientAddressHeader'

import { confirmSignature, signatureCount, signDeclaration, withdrawSignature } from './flow'
import { issueSignatureForm } from './form'
import { signatureTypes } from './graphqlTypes'

type GraphQLModule = typeof import('graphql')
type Context = { req: PayloadRequest }
type Field = GraphQLFieldConfig<unknown, Context, Record<string, unknown>>

/** A refusal by a rate limit, as the GraphQL answer's error (429 in its extensions). */
export async function limited<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error
    throw new APIError(
      `Too many requests from this address. Please try again in ${error.retryAfterSeconds} s.`,
      429,
      { code: 'RATE_LIMITED', retryAfter: error.retryAfterSeconds },
      true,
    )
  }
}

const clientOf = (context: Context) => clientAddressOf(context.req.headers)

/** `signatureCount`: confirmed, approved signatures, counted-only ones included. */
export function signatureQueries(graphql: GraphQLModule): Record<string, Field> {
  return {
    signatureCount: {
      type: new graphql.GraphQLNonNull(graphql.GraphQLInt),
      description:
        'Signatures of the declaration that are confirmed and approved, counted-only ones included.',
      resolve: (_source, _args, context) => signatureCount(context.req.payload),
    },
  }
}

/**
 * The signature flow for any frontend: `signatureForm` (a fresh stamp and proof-of-work
 * challenge; a mutation, so no cache ever keeps one), `signDeclaration`, `confirmSignature`,
 * `withdrawSignature`. The same rules as the portal's own form (src/cms/signatures/flow.ts).
 */
export function signatureMutations(graphql: GraphQLModule): Record<string, Field> {
  const { GraphQLNonNull, GraphQLString } = graphql
  const required = <T extends import('graphql').GraphQLNullableType>(type: T) =>
    new GraphQLNonNull(type)
  const types = signatureTypes(graphql)

  return {
    signatureForm: {
      type: required(types.SignatureForm),
      resolve: async (_source, _args, context) => {
        const form = await issueSignatureForm(context.req.payload.secret)
        return { ...form, challenge: JSON.stringify(form.challenge) }
      },
    },
    signDeclaration: {
      type: required(types.SignatureAccepted),
      args: {
        data: { type: required(types.SignDeclarationInput) },
        form: { type: required(types.SignatureFormInput) },
      },
      resolve: (_source, args, context) => {
        const data = args.data as Record<string, unknown>
        const form = args.form as Record<string, unknown>
        return limited(() =>
          signDeclaration(
            context.req.payload,
            data,
            {
              formToken: form.formToken,
              proof: form.proof,
              honeypot: form.website,
              canDoMoreWork: true,
            },
            clientOf(context),
          ),
        )
      },
    },
    confirmSignature: {
      type: required(types.ConfirmationOutcome),
      args: { token: { type: required(GraphQLString) } },
      resolve: (_source, args, context) =>
        limited(() => confirmSignature(context.req.payload, args.token, clientOf(context))),
    },
    withdrawSignature: {
      type: required(types.WithdrawalOutcome),
      args: { token: { type: required(GraphQLString) } },
      resolve: (_source, args, context) =>
        limited(() => withdrawSignature(context.req.payload, args.token, clientOf(context))),
    },
  }
}
