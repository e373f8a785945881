import type { GraphQLFieldConfig } from 'graphql'
import type { PayloadRequest } from 'payload'

import { clientAddressOf } from '@/core/clientAddressHeader'
import { limited } from '@/cms/signatures/graphql'

import { confirmSubscription, subscribe, unsubscribe } from './flow'

type GraphQLModule = typeof import('graphql')
type Context = { req: PayloadRequest }
type Field = GraphQLFieldConfig<unknown, Context, Record<string, unknown>>

/**
 * Subscribing to the e-mail updates from any frontend, with the rules of the portal's own form
 * (src/cms/subscriptions/flow.ts): `subscribeToUpdates` (double opt-in; the same answer for any
 * address), `confirmSubscription`, `unsubscribeFromUpdates`. A frontend gets its stamp and
 * proof-of-work challenge from `signatureForm`; without them the smaller limit applies.
 */
export function subscriptionMutations(graphql: GraphQLModule): Record<string, Field> {
  const { GraphQLBoolean, GraphQLEnumType, GraphQLInputObjectType, GraphQLNonNull } = graphql
  const { GraphQLObjectType, GraphQLString } = graphql
  const SubscribeFormInput = new GraphQLInputObjectType({
    name: 'SubscribeFormInput',
    fields: {
      formToken: { type: GraphQLString, description: 'From `signatureForm`.' },
      proof: { type: GraphQLString, description: 'The ALTCHA payload for its challenge.' },
      website: { type: GraphQLString, description: 'Leave empty (a trap for bots).' },
    },
  })
  const SubscriptionAccepted = new GraphQLObjectType({
    name: 'SubscriptionAccepted',
    fields: { accepted: { type: new GraphQLNonNull(GraphQLBoolean) } },
  })
  const SubscriptionConfirmationOutcome = new GraphQLEnumType({
    name: 'SubscriptionConfirmationOutcome',
    values: {
      SUBSCRIBED: { value: 'subscribed' },
      INVALID: { value: 'invalid' },
      EXPIRED: { value: 'expired' },
    },
  })
  const UnsubscribeOutcome = new GraphQLEnumType({
    name: 'UnsubscribeOutcome',
    values: { UNSUBSCRIBED: { value: 'unsubscribed' }, INVALID: { value: 'invalid' } },
  })
  return {
    subscribeToUpdates: {
      type: new GraphQLNonNull(SubscriptionAccepted),
      args: {
        email: { type: new GraphQLNonNull(GraphQLString) },
        locale: { type: GraphQLString, description: 'The language of the mail: `de` or `en`' },
        form: { type: SubscribeFormInput },
      },
      resolve: (_source, args, context) => {
        const form = (args.form ?? {}) as Record<string, unknown>
        return limited(() =>
          subscribe(
            context.req.payload,
            { email: args.email, locale: args.locale },
            { formToken: form.formToken, proof: form.proof, honeypot: form.website },
            clientAddressOf(context.req.headers),
          ),
        )
      },
    },
    confirmSubscription: {
      type: new GraphQLNonNull(SubscriptionConfirmationOutcome),
      args: { token: { type: new GraphQLNonNull(GraphQLString) } },
      resolve: (_source, args, context) => confirmSubscription(context.req.payload, args.token),
    },
    unsubscribeFromUpdates: {
      type: new GraphQLNonNull(UnsubscribeOutcome),
      args: { token: { type: new GraphQLNonNull(GraphQLString) } },
      resolve: (_source, args, context) => unsubscribe(context.req.payload, args.token),
    },
  }
}
