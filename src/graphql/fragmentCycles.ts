import { Kind, parse, visit, type DocumentNode } from 'graphql'

type Handler = (request: Request) => Promise<Response>

/** The first fragment that spreads itself, directly or through others; null when none does. */
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

const MEMO_ENTRIES = 500
const memo = new Map<string, string | null>()

function cycleIn(query: string): string | null {
  if (memo.has(query)) return memo.get(query)!
  let cycle: string | null = null
  try {
    cycle = fragmentCycle(parse(query))
  } catch {
    // Not parsable: the route's handler answers with the syntax error.
  }
  if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value as string)
  memo.set(query, cycle)
  return cycle
}

/**
 * A fragment that spreads itself is invalid GraphQL, which GraphQL's own rules would report;
 * but Payload's complexity rule runs beside them and follows the spread forever (a stack
 * overflow: a 500, found by the fuzz suite). Such a document is refused first, with the error
 * GraphQL would give, as a 400.
 */
export function refuseFragmentCycles(handler: Handler): Handler {
  return async (request) => {
    const body = (await request
      .clone()
      .json()
      .catch(() => null)) as { query?: unknown } | null
    const cycle = typeof body?.query === 'string' ? cycleIn(body.query) : null
    if (!cycle) return handler(request)
    return Response.json(
      {
        errors: [
          {
            message: `Cannot spread fragment "${cycle}" within itself.`,
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      },
      { status: 400 },
    )
  }
}
