import { Session } from 'node:inspector/promises'
import path from 'node:path'

import { firstEntryOrder, type FunctionStart } from './stopOrder'

/** A function of ours entered while one request was handled: `file` relative to the repository. */
export type Stop = { file: string; name: string }

const ROOT = path.resolve(import.meta.dirname, '../..')
const OURS = /^(src|collections)\//

/**
 * The layers in request order (docs/architecture.md's table): a walk lists its files in this
 * order. Coverage counts calls but does not say in which order functions ran, so the walk is
 * grouped by file, files in the order of the layer a request crosses them, functions in a file
 * in source order.
 */
const LAYERS = [
  'src/process/',
  'src/app/',
  'src/edge/',
  'src/readCache/',
  'src/web/',
  'src/graphql/http/',
  'src/graphql/request/',
  'src/graphql/execute/',
  'src/graphql/',
  'src/cms/',
  'collections/',
  'src/operations/',
  'src/data/',
  'src/observability/',
  'src/core/',
]

export const layerOf = (file: string): number => {
  const index = LAYERS.findIndex((prefix) => file.startsWith(prefix))
  return index === -1 ? LAYERS.length : index
}

type Range = { startOffset: number; endOffset: number; count: number }
type Covered = { functionName: string; ranges: Range[] }

/** A file path of ours from a script URL (Jest names a module by its path), else null. */
function fileOf(url: string): string | null {
  const absolute = url.startsWith('file://') ? new URL(url).pathname : url
  if (!path.isAbsolute(absolute)) return null
  const file = path.relative(ROOT, absolute)
  return OURS.test(file) ? file : null
}

/**
 * A function's name: V8's (which includes names inferred from `const x = () => …` and methods),
 * or for an anonymous function the innermost named function around it, as `outer/(anonymous)`:
 * middleware returned by a factory reads `readCache/(anonymous)`. A module's own body (the range
 * starting at 0) is not a function entered by the request.
 */
function nameOf(fn: Covered, all: Covered[]): string | null {
  const own = fn.ranges[0]!
  if (own.startOffset === 0) return null
  if (fn.functionName) return fn.functionName
  const outer = all
    .filter((other) => other.functionName && other !== fn)
    .filter((other) => {
      const range = other.ranges[0]!
      return range.startOffset <= own.startOffset && range.endOffset >= own.endOffset
    })
    .sort((a, b) => b.ranges[0]!.startOffset - a.ranges[0]!.startOffset)[0]
  return `${outer?.functionName ?? ''}/(anonymous)`
}

type Located = Stop & FunctionStart

/** The functions of ours with a count above zero in a precise-coverage result, in layer order. */
function enteredFunctions(
  result: { scriptId: string; url: string; functions: Covered[] }[],
): Located[] {
  const entered: Located[] = []
  for (const script of result) {
    const file = fileOf(script.url)
    if (!file) continue
    for (const fn of script.functions) {
      if (fn.ranges[0]!.count === 0) continue
      const name = nameOf(fn, script.functions)
      const { scriptId } = script
      const { startOffset: offset, endOffset: end } = fn.ranges[0]!
      if (name) entered.push({ file, name, scriptId, offset, end })
    }
  }
  return entered.sort(
    (a, b) =>
      layerOf(a.file) - layerOf(b.file) || a.file.localeCompare(b.file) || a.offset - b.offset,
  )
}

/** Each `file:name` once, where it first appears. */
function distinct(stops: Stop[]): Stop[] {
  const seen = new Set<string>()
  return stops
    .filter((stop) => {
      const key = `${stop.file}:${stop.name}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .map(({ file, name }) => ({ file, name }))
}

/** The functions of ours `work` enters, with V8's precise coverage on this thread. */
async function coveredBy(work: () => Promise<unknown>): Promise<Located[]> {
  const session = new Session()
  session.connect()
  try {
    await session.post('Profiler.enable')
    await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true })
    await session.post('Profiler.takePreciseCoverage')
    await work()
    const { result } = await session.post('Profiler.takePreciseCoverage')
    await session.post('Profiler.stopPreciseCoverage')
    return enteredFunctions(result as { scriptId: string; url: string; functions: Covered[] }[])
  } finally {
    session.disconnect()
  }
}

/**
 * The stops of one request, in the order they are first entered. Which functions run comes from
 * V8's precise coverage around `work` (counts reset by a first take, counts taken after): only
 * functions with a count above zero are stops, and a function called twice is one stop. Coverage
 * has no order, so the request runs a second time, from the same state (`prepare` runs before each
 * time, unrecorded), with a breakpoint at the start of each of those functions, and the order of
 * first pauses is the walk's order. A function the second run did not enter keeps its place by
 * layer, after the others.
 */
export async function recordStops(
  request: () => Promise<unknown>,
  prepare: () => void = () => undefined,
): Promise<Stop[]> {
  prepare()
  const entered = await coveredBy(request)
  prepare()
  const order = await firstEntryOrder(entered, request)
  const rest = entered.filter((_, index) => !order.includes(index))
  return distinct([...order.map((index) => entered[index]!), ...rest])
}

export const filesOf = (stops: Stop[]): string[] => [...new Set(stops.map((stop) => stop.file))]
