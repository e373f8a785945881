import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives'
import type { ExecutionArgs, ValidationContext, ValidationRule } from 'graphql'

import { limitError, limits, type LimitName } from '@/cms/apiLimits'
import { operationShapeRule } from './operationShape'

/**
 * GraphQL Armor's counting rules report through this instead of throwing their own error, so
 * every refusal has the portal's shape (`LIMIT_EXCEEDED`, the limit's name and value).
 */
const refuseWith =
  (limit: LimitName, message: string) =>
  (context: ValidationContext | null): void => {
    context?.reportError(limitError(limit, message))
  }

/**
 * Depth, aliases and directives, counted by GraphQL Armor (fragments followed, each spread
 * counted): they depend on the document alone, so the GraphQL route checks them once per
 * document (src/graphql/request/documents.ts).
 */
export function documentLimitRules(): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      // Fragments are a way of writing a selection, not a level of it.
      flattenFragments: true,
      // Introspection (development only: production refuses it) is deep by nature.
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [refuseWith('maxDepth', `The query is more than ${limits.maxDepth} levels deep`)],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      allowList: [],
      propagateOnRejection: false,
      onReject: [refuseWith('maxAliases', `The query uses more than ${limits.maxAliases} aliases`)],
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [
        refuseWith('maxDirectives', `The query uses more than ${limits.maxDirectives} directives`),
      ],
    }),
  ]
}

/**
 * Root fields and page sizes, checked by `operationShapeRule`, which reads the variable values
 * the executor will use (defaults included): checked on every request.
 */
export function variableLimitRules(args: Pick<ExecutionArgs, 'variableValues'>): ValidationRule[] {
  return [operationShapeRule(args.variableValues ?? {})]
}
