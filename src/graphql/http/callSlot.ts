import type { CallRefusal, GraphQLCall } from '../request/call'

const calls = new WeakMap<object, GraphQLCall | CallRefusal>()

/**
 * The GraphQL call the edge read from an anonymous request (src/edge/graphqlCall.ts), for the
 * read cache, the admission and the endpoint after it; undefined for every other request
 * (logged-in users' calls go to Next's route, which reads its own).
 */
export const graphqlCallOf = (req: object): GraphQLCall | CallRefusal | undefined => calls.get(req)

export function setGraphqlCall(req: object, call: GraphQLCall | CallRefusal): void {
  calls.set(req, call)
}

/** Whether a call is a write: a mutation is a public write, never cached. */
export const isMutation = (call: GraphQLCall | CallRefusal | undefined): boolean =>
  Boolean(call && !call.refused && call.parsed?.ok && call.parsed.writes)
