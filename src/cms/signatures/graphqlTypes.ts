/** The GraphQL types of the signature flow's mutations (src/cms/signatures/graphql.ts). */
type GraphQLModule = typeof import('graphql')

/** The form a frontend fetches and the input it sends back with the signer's data. */
export function signatureTypes(graphql: GraphQLModule) {
  const { GraphQLBoolean, GraphQLInputObjectType, GraphQLInt } = graphql
  const { GraphQLNonNull, GraphQLObjectType, GraphQLString } = graphql
  const required = <T extends import('graphql').GraphQLNullableType>(type: T) =>
    new GraphQLNonNull(type)

  const SignatureForm = new GraphQLObjectType({
    name: 'SignatureForm',
    fields: {
      formToken: { type: required(GraphQLString), description: 'Send it back with the form.' },
      challenge: {
        type: required(GraphQLString),
        description: 'The ALTCHA challenge (JSON) for the widget; its solution goes into `proof`.',
      },
      minSeconds: { type: required(GraphQLInt) },
      expiresAt: { type: required(GraphQLString) },
    },
  })
  const SignDeclarationInput = new GraphQLInputObjectType({
    name: 'SignDeclarationInput',
    fields: {
      name: { type: required(GraphQLString) },
      email: { type: required(GraphQLString) },
      kind: { type: required(GraphQLString), description: '`person` or `organization`' },
      organization: { type: GraphQLString },
      roleTitle: { type: GraphQLString },
      sector: { type: GraphQLString },
      country: { type: GraphQLString, description: 'ISO 3166-1 alpha-2' },
      display: { type: required(GraphQLString), description: '`named` or `counted`' },
      consentToUpdates: { type: GraphQLBoolean },
      locale: { type: GraphQLString, description: 'The language of the mail: `de` or `en`' },
    },
  })
  const SignatureFormInput = new GraphQLInputObjectType({
    name: 'SignatureFormInput',
    fields: {
      formToken: { type: required(GraphQLString) },
      proof: { type: GraphQLString, description: 'The ALTCHA payload; without it: moderation.' },
      website: { type: GraphQLString, description: 'Leave empty (a trap for bots).' },
    },
  })
  return { SignatureForm, SignDeclarationInput, SignatureFormInput, ...outcomeTypes(graphql) }
}

/** What the mutations answer: accepted, and the outcomes of a confirmation and a withdrawal. */
function outcomeTypes(graphql: GraphQLModule) {
  const { GraphQLBoolean, GraphQLEnumType, GraphQLNonNull, GraphQLObjectType } = graphql
  const SignatureAccepted = new GraphQLObjectType({
    name: 'SignatureAccepted',
    fields: { accepted: { type: new GraphQLNonNull(GraphQLBoolean) } },
  })
  const ConfirmationOutcome = new GraphQLEnumType({
    name: 'SignatureConfirmationOutcome',
    values: {
      APPROVED: { value: 'approved' },
      AWAITING_MODERATION: { value: 'awaiting-moderation' },
      INVALID: { value: 'invalid' },
      EXPIRED: { value: 'expired' },
    },
  })
  const WithdrawalOutcome = new GraphQLEnumType({
    name: 'SignatureWithdrawalOutcome',
    values: { WITHDRAWN: { value: 'withdrawn' }, INVALID: { value: 'invalid' } },
  })
  return { SignatureAccepted, ConfirmationOutcome, WithdrawalOutcome }
}
