/**
 * `--only=replicas` (docs/benchmark.md, "Replicas"): one worker against two (WEB_CONCURRENCY),
 * on the seeded data, in one run, each server started on its own copy of the database after the
 * previous one stopped:
 *
 * 1. uncached reads (READ_CACHE_MAX_BYTES=0): the read scenario's HomePage GraphQL operation and
 *    page, measured as there (bench/load.ts), with the CPU of the supervisor and all its workers;
 * 2. the newsroom at work (bench/editorial.ts) at one worker and at two;
 * 3. writes and the reads right after them (bench/invalidation.ts): how long a publish takes and
 *    whether the other worker still answers the old title once it is acknowledged.
 */
import { editorialScenario, editorKinds, type EditorialResult } from './editorial'
import { invalidationRun, type InvalidationResult } from './invalidation'
import { measure, type Measurement, type Target } from './load'
import { processTree, treeCpuMs, treePeakRssMb } from './processTree'
import { startServer } from './server'

type Log = (line: string) => void
type Settings = { warmupSeconds: number; seconds: number; connections: number }

export type ThroughputRun = {
  workers: number
  /** Processes in the server's tree: the supervisor and its workers (1 with one worker). */
  processes: number
  cases: Measurement[]
  /** Peak RSS (VmHWM) of all its processes, added up. */
  peakRssMb: number | null
}

export type ReplicasResult = {
  throughput: ThroughputRun[]
  editorial: { workers: number; result: EditorialResult }[]
  invalidation: InvalidationResult[]
}

export type ReplicasOptions = {
  settings: Settings
  /** The uncached reads: the read scenario's (c) and (e) targets. */
  targets: Target[]
  /** The HomePage operation, read after each write. */
  graphql: Target
  editorialSeconds: number
  editorialRounds: number
  editors?: readonly string[]
  writes: number
}

const WORKERS = [1, 2]

const concurrency = (workers: number) => ({ WEB_CONCURRENCY: String(workers) })

async function throughputOn(
  workers: number,
  database: string,
  workDir: string,
  options: ReplicasOptions,
  log: Log,
): Promise<ThroughputRun> {
  log(`replicas: uncached reads with ${workers} worker(s): starting the server (cache off)`)
  const server = await startServer({
    database,
    workDir,
    env: { ...concurrency(workers), READ_CACHE_MAX_BYTES: '0', READ_CACHE_WARM_UP: 'off' },
  })
  try {
    const processes = processTree(server.pid)
    log(`replicas: processes ${processes.join(', ')} (the first is the one started)`)
    const cases: Measurement[] = []
    const { settings } = options
    for (const target of options.targets) {
      log(
        `replicas: N=${workers} ${target.name}, cache off: ${settings.warmupSeconds} s warm-up, ${settings.seconds} s measured`,
      )
      const m = await measure(server.url, target, settings, () => treeCpuMs(server.pid))
      cases.push(m)
      log(
        `replicas: N=${workers} ${m.requestsPerSecond} req/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, ` +
          `non-2xx ${m.non2xx}, errors ${m.errors + m.timeouts}, CPU ${m.cpuMsPerRequest ?? '?'} ms per request`,
      )
    }
    return { workers, processes: processes.length, cases, peakRssMb: treePeakRssMb(server.pid) }
  } finally {
    await server.stop()
  }
}

async function invalidationOn(
  workers: number,
  database: string,
  workDir: string,
  options: ReplicasOptions,
  log: Log,
): Promise<InvalidationResult> {
  log(`replicas: ${options.writes} publishes with ${workers} worker(s): starting the server`)
  const server = await startServer({
    database,
    workDir,
    env: { ...concurrency(workers), READ_CACHE_WARM_UP: 'off' },
  })
  try {
    return await invalidationRun(server.url, workers, options.graphql, options.writes, log)
  } finally {
    await server.stop()
  }
}

export async function replicasScenario(
  database: string,
  workDir: string,
  options: ReplicasOptions,
  log: Log,
): Promise<ReplicasResult> {
  const throughput: ThroughputRun[] = []
  for (const workers of WORKERS)
    throughput.push(await throughputOn(workers, database, workDir, options, log))
  const editorial: ReplicasResult['editorial'] = []
  for (const workers of WORKERS) {
    log(`replicas: the newsroom at work with ${workers} worker(s)`)
    const result = await editorialScenario(
      database,
      workDir,
      log,
      options.editorialSeconds,
      options.editorialRounds,
      options.editors ?? editorKinds,
      concurrency(workers),
    )
    editorial.push({ workers, result })
  }
  const invalidation: InvalidationResult[] = []
  for (const workers of WORKERS)
    invalidation.push(await invalidationOn(workers, database, workDir, options, log))
  return { throughput, editorial, invalidation }
}

const round2 = (x: number) => Math.round(x * 100) / 100

/** Per uncached case, req/s with two workers against one. */
function throughputRatios(result: ReplicasResult): { target: string; ratio: number | null }[] {
  const [one, two] = result.throughput
  return (one?.cases ?? []).map((c, i) => {
    const other = two?.cases[i]
    return {
      target: c.target,
      ratio:
        other && c.requestsPerSecond ? round2(other.requestsPerSecond / c.requestsPerSecond) : null,
    }
  })
}

/** The readers' worst req/s while the editors work, against quiet, per number of workers. */
const worstEditorialRatio = (result: ReplicasResult, workers: number) => {
  const run = result.editorial.find((e) => e.workers === workers)
  return run ? Math.min(...Object.values(run.result.ratios)) : null
}

function throughputTable(result: ReplicasResult): string[] {
  const [one, two] = result.throughput
  const ratios = throughputRatios(result)
  return [
    '| uncached read | N=1 req/s | N=2 req/s | N=2 / N=1 | N=1 p99 ms | N=2 p99 ms | N=1 CPU ms/req | N=2 CPU ms/req | non-2xx + errors (N=1, N=2) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...(one?.cases ?? []).map((a, i) => {
      const b = two?.cases[i]
      const failed = (m?: Measurement) => (m ? m.non2xx + m.errors + m.timeouts : '?')
      return (
        `| ${a.target} | ${a.requestsPerSecond} | ${b?.requestsPerSecond ?? '?'} | ${ratios[i]?.ratio ?? '?'} | ` +
        `${a.p99Ms} | ${b?.p99Ms ?? '?'} | ${a.cpuMsPerRequest ?? '?'} | ${b?.cpuMsPerRequest ?? '?'} | ${failed(a)}, ${failed(b)} |`
      )
    }),
    '',
    `peak RSS, all processes added up: N=1 ${one?.peakRssMb ?? '?'} MB (${one?.processes ?? '?'} process), ` +
      `N=2 ${two?.peakRssMb ?? '?'} MB (${two?.processes ?? '?'} processes)`,
  ]
}

function editorialRows(result: ReplicasResult): string[] {
  const [one, two] = result.editorial.map((e) => e.result)
  const seen = (run: EditorialResult | undefined, name: string) =>
    run ? `${run.publishes.filter((p) => p.visible[name]).length}/${run.publishes.length}` : '?'
  const writes = (run: EditorialResult | undefined) =>
    Object.entries(run?.writes ?? {})
      .map(([kind, w]) => `${kind} ${w.sent}`)
      .join(', ')
  return [
    '| reader (cached) | N=1 quiet req/s | N=1 editors at work | N=1 ratio | N=2 quiet req/s | N=2 editors at work | N=2 ratio | N=1 p99 ms at work | N=2 p99 ms at work | publishes seen (N=1, N=2) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...(one?.editorial ?? []).map((a, i) => {
      const b = two?.editorial[i]
      return (
        `| ${a.target} | ${one!.quiet[i]!.requestsPerSecond} | ${a.requestsPerSecond} | ${one!.ratios[a.target]} | ` +
        `${two?.quiet[i]?.requestsPerSecond ?? '?'} | ${b?.requestsPerSecond ?? '?'} | ${two?.ratios[a.target] ?? '?'} | ` +
        `${a.p99Ms} | ${b?.p99Ms ?? '?'} | ${seen(one, a.target)}, ${seen(two, a.target)} |`
      )
    }),
    '',
    `editors sent: N=1 ${writes(one)}; N=2 ${writes(two)}`,
  ]
}

function invalidationRows(result: ReplicasResult): string[] {
  return [
    '| workers | writes | PATCH p50 ms | PATCH p99 ms | stale reads after the ack | first read a MISS | ack → new answer on the other worker p50 / p99 ms | not seen within 5 s | turns as predicted |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...result.invalidation.map(
      (r) =>
        `| ${r.workers} | ${r.writes} | ${r.patchMs.p50} | ${r.patchMs.p99} | ${r.staleReads} | ` +
        `${r.firstReadMisses}/${r.writes} | ${r.otherWorkerMs.p50} / ${r.otherWorkerMs.p99} | ` +
        `${r.neverSeen} | ${r.workers > 1 ? `${r.turnsHeld}/${r.writes}` : '-'} |`,
    ),
  ]
}

/** The scenario's tables for the console and docs/benchmark.md. */
export function replicasTable(result: ReplicasResult): string {
  return [
    ...throughputTable(result),
    '',
    ...editorialRows(result),
    '',
    ...invalidationRows(result),
  ].join('\n')
}

/** Two workers read ≥ 1.6 × one uncached; readers keep more of quiet; no stale read after a write. */
export function replicasTargets(result: ReplicasResult) {
  const one = worstEditorialRatio(result, 1)
  const two = worstEditorialRatio(result, 2)
  const writesAtTwo = result.invalidation.find((r) => r.workers === 2)
  return [
    ...throughputRatios(result).map(({ target, ratio }) => ({
      target: `replicas: ${target}, cache off, req/s N=2 / N=1 ≥ 1.6`,
      value: ratio,
      pass: ratio === null ? null : ratio >= 1.6,
    })),
    {
      target: 'replicas: editorial readers / quiet higher at N=2 than at N=1 (worst reader)',
      value: two,
      pass: one === null || two === null ? null : two > one,
    },
    {
      target: 'replicas: editorial readers / quiet at N=2 ≥ 0.75 (worst reader)',
      value: two,
      pass: two === null ? null : two >= 0.75,
    },
    {
      target: 'replicas: stale reads right after a write is acknowledged, N=2 = 0',
      value: writesAtTwo?.staleReads ?? null,
      pass: writesAtTwo ? writesAtTwo.staleReads === 0 && writesAtTwo.neverSeen === 0 : null,
    },
  ]
}
