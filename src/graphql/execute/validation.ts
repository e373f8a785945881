import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  validate,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql'
import { LRUCache } from 'lru-cache'

import type { Checked, ParsedDocument } from '../request/documents'
import { documentLimitRules } from './limitRules'

/**
 * Per document, the outcomes for the last 16 sets of variables of at most 1 KB of JSON each: a
 * page sends the same variables for every visitor (locale, today), a search sends new ones.
 */
const MAX_VARIABLE_SETS = 16
const MAX_VARIABLES_CHARS = 1024

/**
 * GraphQL's own rules, the portal's document limits (depth, aliases, directives) and, in
 * production when the config says so, the refusal of introspection: everything that gives the
 * same answer for the same document, whatever the variables.
 */
function documentRules(introspection: boolean): ValidationRule[] {
  return [
    ...specifiedRules,
    ...(introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    ...documentLimitRules(),
  ]
}

/** The error a fragment that spreads itself gets, before any rule could follow it forever. */
export const cycleError = (fragment: string) =>
  new GraphQLError(`Cannot spread fragment "${fragment}" within itself.`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  })

/**
 * The document checked against everything that depends on it alone, once per schema: validating
 * against Payload's large schema cost about a tenth of an uncached request. Kept on the parsed
 * document (src/graphql/request/documents.ts), which the process keeps per query text.
 */
export function checkedDocument(
  schema: GraphQLSchema,
  parsed: ParsedDocument,
  introspection: boolean,
): Checked {
  const mode = introspection ? 'open' : 'closed'
  const bySchema = parsed.checked.get(schema) ?? {}
  const known = bySchema[mode]
  if (known) return known
  const errors = parsed.cycle
    ? [cycleError(parsed.cycle)]
    : validate(schema, parsed.document, documentRules(introspection))
  const checked: Checked = { errors, byVariables: new LRUCache({ max: MAX_VARIABLE_SETS }) }
  parsed.checked.set(schema, { ...bySchema, [mode]: checked })
  return checked
}

/**
 * The errors of the rules that read variables (root fields, page sizes, complexity: `check`),
 * remembered for the document and the exact variables sent, which decide them entirely.
 */
export function variableErrors(
  checked: Checked,
  variables: Record<string, unknown> | null | undefined,
  check: () => readonly GraphQLError[],
): readonly GraphQLError[] {
  const key = JSON.stringify(variables ?? {})
  if (key.length > MAX_VARIABLES_CHARS) return check()
  const known = checked.byVariables.get(key)
  if (known) return known
  const errors = check()
  checked.byVariables.set(key, errors)
  return errors
}
