/**
 * The hostile-load scenario of `npm run bench` (docs/benchmark.md, "Hostile load"): readers of a
 * cached page and the cached HomePage GraphQL at full speed, first alone (quiet), then while
 * other clients, each on many addresses through the trusted proxy (X-Forwarded-For from
 * loopback), flood logins, bust the cache with query strings and headers, send junk credentials,
 * force real misses, and send oversized bodies. The server runs with the production rate limits.
 */
import { spawn } from 'node:child_process'

import { homePageTarget, pageTarget } from './load'
import { figures, medians, runReaders, warmUp, type ReaderFigures } from './readers'
import type { AttackOutcome } from './attackers'
import { startServer } from './server'

type Log = (line: string) => void

/**
 * The limits a production server starts with (src/core/env/rateLimits.ts and admission.ts
 * defaults), set explicitly: per-client limits, and admission by measured load.
 */
export const productionRateLimits = {
  RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE: '20',
  RATE_LIMIT_UNCACHED_PER_MINUTE: '1800',
  RATE_LIMIT_UNCACHED_BURST: '600',
  RATE_LIMIT_UNCACHED_SHARE_PER_MINUTE: '600',
  RATE_LIMIT_USER_PER_MINUTE: '1200',
  RATE_LIMIT_SIGNING_FORMS_PER_MINUTE: '1800',
  RATE_LIMIT_SIGNING_FORMS_BURST: '600',
  ADMISSION_BY_LOAD: 'on',
}

export type AttackFigures = { attack: string; requests: number; statuses: Record<string, number> }

export type HostileResult = {
  quiet: ReaderFigures[]
  hostile: ReaderFigures[]
  /** Readers' req/s under attack against quiet, per target. */
  ratios: Record<string, number>
  attacks: AttackFigures[]
  peakRssMb: number | null
  survived: boolean
}

/** The attackers, in a process of their own (bench/attackers.ts). */
function runAttackers(
  url: string,
  seconds: number,
  ids: readonly string[],
): Promise<AttackOutcome[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['.server/bench-attackers.mjs', url, String(seconds), ids.join(',')],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let printed = ''
    child.stdout.on('data', (chunk) => (printed += chunk))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(printed) as AttackOutcome[])
        : reject(new Error(`the attackers exited with ${code}`)),
    )
  })
}

/** The attackers' counts over all rounds. */
function mergeOutcomes(sum: AttackOutcome[], more: AttackOutcome[]): AttackOutcome[] {
  if (sum.length === 0) return more
  return sum.map((outcome, i) => {
    const statuses = { ...outcome.statuses }
    for (const [code, n] of Object.entries(more[i]!.statuses))
      statuses[code] = (statuses[code] ?? 0) + n
    return { ...outcome, requests: outcome.requests + more[i]!.requests, statuses }
  })
}

/** The attacks to run: all by default; `--attacks=login,busting,junk,misses,bodies` picks some. */
export const attackIds = ['login', 'busting', 'junk', 'misses', 'bodies'] as const

export async function hostileScenario(
  database: string,
  workDir: string,
  log: Log,
  seconds: number,
  chosen: readonly string[] = attackIds,
  rounds = 3,
): Promise<HostileResult> {
  log('hostile: starting a server with the production rate limits')
  const server = await startServer({ database, workDir, env: productionRateLimits })
  try {
    const readers = [pageTarget('/de'), homePageTarget('post')]
    await warmUp(server.url, readers)
    await runReaders(server.url, readers, 2)
    // Quiet and attack phases alternate, and each figure is the median of its phases: on a
    // shared two-core machine one phase of a few seconds moves by half, a median much less.
    const quietRounds: ReaderFigures[][] = []
    const hostileRounds: ReaderFigures[][] = []
    let attackResults: AttackOutcome[] = []
    for (let round = 1; round <= rounds; round++) {
      log(`hostile: round ${round}/${rounds}: quiet, readers alone, ${seconds} s`)
      quietRounds.push(figures(readers, await runReaders(server.url, readers, seconds)))
      log(`hostile: round ${round}/${rounds}: readers with ${chosen.join(', ')}, ${seconds} s`)
      const [readerResults, outcomes] = await Promise.all([
        runReaders(server.url, readers, seconds),
        runAttackers(server.url, seconds, chosen),
      ])
      hostileRounds.push(figures(readers, readerResults))
      attackResults = mergeOutcomes(attackResults, outcomes)
    }
    const quiet = medians(quietRounds)
    const hostile = medians(hostileRounds)
    const survived =
      server.alive() &&
      (await fetch(`${server.url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ))
    const ratios: Record<string, number> = {}
    for (const [i, reader] of hostile.entries()) {
      ratios[reader.target] =
        Math.round((reader.requestsPerSecond / quiet[i]!.requestsPerSecond) * 100) / 100
    }
    const attacksFigures: AttackFigures[] = [
      ...attackResults.map((outcome) => ({
        attack: outcome.name,
        requests: outcome.requests,
        statuses: outcome.statuses,
      })),
    ]
    return {
      quiet,
      hostile,
      ratios,
      attacks: attacksFigures,
      peakRssMb: server.peakRssMb(),
      survived,
    }
  } finally {
    await server.stop()
  }
}

/** The scenario's table for the console and docs/benchmark.md. */
export function hostileTable(result: HostileResult): string {
  const lines = [
    '| reader | quiet req/s | under attack req/s | ratio | quiet p99 ms | under attack p99 ms | non-2xx under attack |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...result.hostile.map((reader, i) => {
      const quiet = result.quiet[i]!
      return `| ${reader.target} | ${quiet.requestsPerSecond} | ${reader.requestsPerSecond} | ${result.ratios[reader.target]} | ${quiet.p99Ms} | ${reader.p99Ms} | ${reader.non2xx} |`
    }),
    '',
    '| attacker | requests | answers by status |',
    '| --- | --- | --- |',
    ...result.attacks.map(
      (a) =>
        `| ${a.attack} | ${a.requests} | ${Object.entries(a.statuses)
          .map(([code, n]) => `${code}: ${n}`)
          .join(', ')} |`,
    ),
    '',
    `peak RSS ${result.peakRssMb ?? '?'} MB; the process ${result.survived ? 'survived' : 'DID NOT SURVIVE'}`,
  ]
  return lines.join('\n')
}

/** The scenario's targets (docs/benchmark.md): readers at 0.8 of quiet or more, alive, RSS in bounds. */
export function hostileTargets(result: HostileResult) {
  const worst = Math.min(...Object.values(result.ratios))
  return [
    {
      target: 'hostile: readers req/s under attack / quiet ≥ 0.8',
      value: worst,
      pass: worst >= 0.8,
    },
    {
      target: 'hostile: the process survives',
      value: result.survived ? 1 : 0,
      pass: result.survived,
    },
    {
      target: 'hostile: peak RSS ≤ 500 MB',
      value: result.peakRssMb,
      pass: result.peakRssMb === null ? null : result.peakRssMb <= 500,
    },
  ]
}
