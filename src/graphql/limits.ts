import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type ExecutionArgs,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql'

/**
 * What one request may ask of the server. Each refusal names its limit, and the GraphQL route
 * answers it with 400 whatever the Accept header (see `withLimitStatus`).
 */
export const limits = {
  /** Largest page, in REST (`?limit=`) and GraphQL (`limit:`); `0` and `pagination: false` are refused. */
  maxPageSize: 100,
  /** Deepest selection (fields within fields), fragments included. */
  maxDepth: 12,
  /** Aliased fields in one document. */
  maxAliases: 20,
  /** Top-level fields in one operation. */
  maxRootFields: 15,
  /** Payload's complexity budget: about 3 x the home page (133), 2 x the heaviest operation (182). */
  maxComplexity: 400,
  /** Largest GraphQL request body in bytes. */
  maxBodyBytes: 64 * 1024,
} as const

export type LimitName = keyof typeof limits

/** The `extensions.code` of every refusal by a limit, for clients and for the route's status. */
export const LIMIT_CODE = 'LIMIT_EXCEEDED'

export const limitError = (limit: LimitName, message: string, node?: FieldNode) =>
  new GraphQLError(`${message} (limit ${limit} = ${limits[limit]})`, {
    nodes: node ? [node] : undefined,
    extensions: { code: LIMIT_CODE, limit, max: limits[limit] },
  })

export function pageSizeProblem(limit: unknown, pagination: unknown): string | null {
  if (pagination === false) return `pagination: false would return whole collections`
  if (limit === undefined || limit === null) return null
  const value = Number(limit)
  if (!Number.isFinite(value)) return null
  if (value === 0) return `limit: 0 would return whole collections`
  if (value > limits.maxPageSize) return `limit ${value} is larger than the largest page`
  return null
}

function valueOf(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value]
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value)
    case Kind.BOOLEAN:
      return node.value
    case Kind.NULL:
      return null
    default:
      return undefined
  }
}

function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!set) return 0
  let deepest = 0
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, seen))
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen))
    } else if (!seen.has(selection.name.value)) {
      const fragment = fragments[selection.name.value]
      const next = new Set(seen).add(selection.name.value)
      deepest = Math.max(deepest, depthOf(fragment?.selectionSet, fragments, next))
    }
  }
  return deepest
}

/** Depth, aliases, root fields and page sizes, checked before anything runs. */
export function limitRules(args: Pick<ExecutionArgs, 'variableValues'>) {
  const variables = (args.variableValues ?? {}) as Record<string, unknown>
  const rule = (context: ValidationContext): ASTVisitor => {
    const document = context.getDocument()
    const fragments: Record<string, FragmentDefinitionNode> = {}
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments[definition.name.value] = definition
    }
    let aliases = 0
    return {
      OperationDefinition(operation) {
        const roots = operation.selectionSet.selections.length
        if (roots > limits.maxRootFields) {
          context.reportError(
            limitError('maxRootFields', `The operation asks for ${roots} top-level fields`),
          )
        }
        const depth = depthOf(operation.selectionSet, fragments, new Set())
        if (depth > limits.maxDepth) {
          context.reportError(limitError('maxDepth', `The query is ${depth} levels deep`))
        }
      },
      Field(field) {
        if (field.alias && ++aliases === limits.maxAliases + 1) {
          context.reportError(
            limitError(
              'maxAliases',
              `The query uses more than ${limits.maxAliases} aliases`,
              field,
            ),
          )
        }
        const arg = (name: string) => field.arguments?.find((a) => a.name.value === name)?.value
        const problem = pageSizeProblem(
          valueOf(arg('limit'), variables),
          valueOf(arg('pagination'), variables),
        )
        if (problem) context.reportError(limitError('maxPageSize', problem, field))
      },
    }
  }
  return [rule]
}
