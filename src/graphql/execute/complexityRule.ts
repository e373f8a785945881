import type { ValidationRule } from 'graphql'
import {
  createComplexityRule,
  fieldExtensionsEstimator,
  simpleEstimator,
} from 'graphql-query-complexity'

import { limitError, limits } from '@/cms/apiLimits'

/**
 * Payload's complexity budget (`graphQL.maxComplexity`), counted the way Payload counts it: the
 * `complexity` Payload puts on relationship and upload fields (10 unless configured), 1 for any
 * other field. A query over budget is a refusal like the others (`LIMIT_EXCEEDED`, 400), where
 * Payload's own rule answers with a bare message and the status of the Accept header.
 * Variables count (`@include(if: $x)`), so this runs on every request.
 */
export function complexityRule(variables: Record<string, unknown> | undefined): ValidationRule {
  return createComplexityRule({
    maximumComplexity: limits.maxComplexity,
    variables: variables ?? {},
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
    createError: (_max, actual) =>
      limitError('maxComplexity', `The query's complexity is ${actual}`),
  })
}
