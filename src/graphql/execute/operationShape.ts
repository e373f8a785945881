import {
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql'
import { getVariableValues } from 'graphql/execution/values.js'

import { limitError, limits, pageSizeProblem } from '@/cms/apiLimits'

type Variables = Record<string, unknown>
type Fragments = (name: string) => FragmentDefinitionNode | undefined | null

/** An argument's value as the executor will see it: a literal, or the variable's coerced value. */
function valueOf(node: ValueNode | undefined, variables: Variables): unknown {
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

/**
 * The fields an operation selects at its root, once fragments and inline fragments are spread in
 * (`{ ...A ...B }` asks for all of A's and B's fields). Each fragment is counted where it is
 * spread, memoised, so nesting cannot make the count itself expensive.
 */
function rootFieldCount(set: SelectionSetNode, fragments: Fragments, memo: Map<string, number>) {
  let count = 0
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) count += 1
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += rootFieldCount(selection.selectionSet, fragments, memo)
    } else {
      const name = selection.name.value
      if (!memo.has(name)) {
        // A cycle (refused by GraphQL's own rules) counts as nothing while it is being counted.
        memo.set(name, 0)
        const fragment = fragments(name)
        memo.set(name, fragment ? rootFieldCount(fragment.selectionSet, fragments, memo) : 0)
      }
      count += memo.get(name)!
    }
  }
  return count
}

/** Every field the operation can reach, fragments followed once each (variables are per operation). */
function eachField(
  set: SelectionSetNode | undefined,
  fragments: Fragments,
  visit: (field: FieldNode) => void,
  seen = new Set<string>(),
): void {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      visit(selection)
      eachField(selection.selectionSet, fragments, visit, seen)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      eachField(selection.selectionSet, fragments, visit, seen)
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value)
      eachField(fragments(selection.name.value)?.selectionSet, fragments, visit, seen)
    }
  }
}

/**
 * Root fields and page sizes of each operation, judged on the values the executor will use:
 * `getVariableValues` applies declared defaults, so `query ($n: Int = 0) { News(limit: $n) }`
 * is refused although no variable was sent.
 */
export function operationShapeRule(given: Variables) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments: Fragments = (name) => context.getFragment(name)
    const rootMemo = new Map<string, number>()
    return {
      OperationDefinition(operation: OperationDefinitionNode) {
        const roots = rootFieldCount(operation.selectionSet, fragments, rootMemo)
        if (roots > limits.maxRootFields) {
          context.reportError(
            limitError('maxRootFields', `The operation asks for ${roots} top-level fields`),
          )
        }
        const { coerced } = getVariableValues(
          context.getSchema(),
          operation.variableDefinitions ?? [],
          given,
        )
        // Variables that do not fit their types: the executor refuses the request itself.
        if (!coerced) return
        eachField(operation.selectionSet, fragments, (field) => {
          const arg = (name: string) => field.arguments?.find((a) => a.name.value === name)?.value
          const problem = pageSizeProblem(
            valueOf(arg('limit'), coerced),
            valueOf(arg('pagination'), coerced),
          )
          if (problem) context.reportError(limitError('maxPageSize', problem, field))
        })
      },
    }
  }
}
