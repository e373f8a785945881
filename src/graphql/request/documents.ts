import {
  GraphQLError,
  Kind,
  parse,
  print,
  valueFromASTUntyped,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql'
import { LRUCache } from 'lru-cache'

import { processSingleton } from '@/core/processSingleton'

/** What validation against one schema said (src/graphql/execute/validation.ts fills it in). */
export type Checked = {
  errors: readonly GraphQLError[]
  /** What the rules that read variables said, by the variables' JSON. */
  byVariables: LRUCache<string, readonly GraphQLError[]>
}

/** What the portal needs to know of a query text, worked out once per distinct text. */
export type ParsedDocument = {
  ok: true
  document: DocumentNode
  /** Printed in GraphQL's own form (whitespace and comments gone): what the read cache keys. */
  normalized: string
  operations: readonly OperationDefinitionNode[]
  /** Any operation other than a query (mutation, subscription) in the document. */
  writes: boolean
  /** A `draft: true` literal (or a value that cannot be judged) somewhere in the document. */
  alwaysDraft: boolean
  /** Variables passed to a `draft` argument, with their declared defaults. */
  draftVariables: ReadonlyMap<string, unknown>
  /** Every variable the document declares: the executor reads no other. */
  declaredVariables: ReadonlySet<string>
  /** It asks the search index (the `search` field): its answer goes to search's cache budget. */
  searches: boolean
  /** A fragment that spreads itself, directly or through others; null when none does. */
  cycle: string | null
  /** Validation by schema and by whether introspection is allowed. */
  checked: WeakMap<GraphQLSchema, Partial<Record<'open' | 'closed', Checked>>>
}

export type DocumentResult = ParsedDocument | { ok: false; error: GraphQLError }

/**
 * Bounds, so clients sending ever new documents cannot grow the memory: the texts held add up to
 * at most 1 MB (a parsed document takes about ten times its text), and a text over 16 KB, far
 * above any frontend operation, is parsed each time it comes instead.
 */
const MAX_TOTAL_CHARS = 1024 * 1024
const MAX_DOCUMENT_CHARS = 16 * 1024
const MAX_DOCUMENTS = 1000

const documents = () =>
  processSingleton(
    'graphql-documents',
    () =>
      new LRUCache<string, DocumentResult>({
        max: MAX_DOCUMENTS,
        maxSize: MAX_TOTAL_CHARS,
        maxEntrySize: MAX_DOCUMENT_CHARS,
        sizeCalculation: (_value, query) => Math.max(1, query.length),
      }),
  )

/**
 * A query text parsed, and what the cache key, the limits, the cycle check and execution need
 * to know of it: once per distinct text in the process, shared by every request that sends it.
 */
export function parsedDocument(query: string): DocumentResult {
  const known = documents().get(query)
  if (known) return known
  const result = analyse(query)
  documents().set(query, result)
  return result
}

function analyse(query: string): DocumentResult {
  let document: DocumentNode
  try {
    document = parse(query)
  } catch (error) {
    if (error instanceof GraphQLError) return { ok: false, error }
    throw error
  }
  return {
    ok: true,
    document,
    normalized: print(document),
    operations: document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    ),
    ...readFacts(document),
    cycle: fragmentCycle(document),
    checked: new WeakMap(),
  }
}

type Facts = Pick<
  ParsedDocument,
  'writes' | 'alwaysDraft' | 'draftVariables' | 'declaredVariables' | 'searches'
>

/** Walks the document once for what decides whether and how an answer may be cached. */
function readFacts(document: DocumentNode): Facts {
  let writes = false
  let alwaysDraft = false
  let searches = false
  const defaults = new Map<string, unknown>()
  const draftVariables = new Map<string, unknown>()
  const declaredVariables = new Set<string>()
  const judge = (value: ValueNode) => {
    if (value.kind === Kind.VARIABLE) draftVariables.set(value.name.value, undefined)
    else if (value.kind === Kind.BOOLEAN) alwaysDraft ||= value.value
    else if (value.kind !== Kind.NULL) alwaysDraft = true
  }
  visit(document, {
    OperationDefinition(node) {
      if (node.operation !== 'query') writes = true
      for (const definition of node.variableDefinitions ?? []) {
        declaredVariables.add(definition.variable.name.value)
        if (definition.defaultValue) {
          defaults.set(definition.variable.name.value, valueFromASTUntyped(definition.defaultValue))
        }
      }
    },
    Argument(node) {
      if (node.name.value === 'draft') judge(node.value)
    },
    Field(node) {
      if (node.name.value === 'search') searches = true
    },
  })
  for (const name of draftVariables.keys()) draftVariables.set(name, defaults.get(name))
  return { writes, alwaysDraft, draftVariables, declaredVariables, searches }
}

/**
 * The first fragment that spreads itself, directly or through others. Such a document is invalid
 * GraphQL, which GraphQL's own rules report; but the complexity rule runs beside them and would
 * follow the spread forever (a stack overflow), so it is refused before validation.
 */
export function fragmentCycle(document: DocumentNode): string | null {
  const spreads = new Map<string, string[]>()
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue
    const names: string[] = []
    visit(definition.selectionSet, {
      FragmentSpread(node) {
        names.push(node.name.value)
      },
    })
    spreads.set(definition.name.value, names)
  }
  const done = new Set<string>()
  const onPath = new Set<string>()
  const cycleFrom = (name: string): string | null => {
    if (onPath.has(name)) return name
    if (done.has(name)) return null
    onPath.add(name)
    for (const next of spreads.get(name) ?? []) {
      const found = cycleFrom(next)
      if (found) return found
    }
    onPath.delete(name)
    done.add(name)
    return null
  }
  for (const name of spreads.keys()) {
    const found = cycleFrom(name)
    if (found) return found
  }
  return null
}

/** The operation a request names (or the only one), as the executor would pick it. */
export function selectedOperation(
  parsed: ParsedDocument,
  operationName: unknown,
): OperationDefinitionNode | null {
  if (typeof operationName === 'string' && operationName !== '') {
    return parsed.operations.find((op) => op.name?.value === operationName) ?? null
  }
  return parsed.operations.length === 1 ? parsed.operations[0]! : null
}
