/**
 * The hostile-load scenario of `npm run bench` (docs/benchmark.md, "Hostile load"): readers of a
 * cached page and the cached HomePage GraphQL at full speed, first alone (quiet), then while
 * other clients, each on many addresses through the trusted proxy (X-Forwarded-For from
 * loopback), flood logins, bust the cache with query strings and headers, send junk credentials,
 * force real misses, and send oversized bodies. The server runs with the production rate limits.
 */
import crypto from 'node:crypto'

import autocannon from 'autocannon'

import { homePageTarget, pageTarget, verify, type Target } from './load'
import { oversizedBodyAttacks, sendOversizedBodies } from './oversizedBodies'
import { startServer } from './server'

type Log = (line: string) => void

/** The limits a production server starts with (src/env.ts defaults), set explicitly. */
export const productionRateLimits = {
  RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE: '20',
  RATE_LIMIT_PUBLIC_WRITES_TOTAL_PER_SECOND: '5',
  RATE_LIMIT_UNCACHED_PER_MINUTE: '60',
  RATE_LIMIT_UNCACHED_TOTAL_PER_SECOND: '5',
  RATE_LIMIT_UNCACHED_BURST: '60',
  RATE_LIMIT_USER_PER_MINUTE: '1200',
}

export type ReaderFigures = {
  target: string
  requestsPerSecond: number
  p99Ms: number
  /** Answers that were not 2xx (a reader limited or refused). */
  non2xx: number
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

const address = (pool: number) => `203.0.113.${crypto.randomInt(pool) + 1}`
const junk = () => crypto.randomBytes(6).toString('base64url')

/** An attacker: autocannon with every request shaped anew (its address, its junk). */
type Attack = { id: string; name: string; connections: number; request: () => autocannon.Request }

function attacks(): Attack[] {
  const graphqlQuery = encodeURIComponent('{ Site { name } }')
  return [
    {
      id: 'login',
      name: 'login flood (200 addresses)',
      connections: 3,
      request: () => ({
        method: 'POST',
        path: '/api/users/login',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address(200) },
        body: JSON.stringify({
          email: `editor${crypto.randomInt(5)}@example.org`,
          password: junk(),
        }),
      }),
    },
    {
      id: 'busting',
      name: 'cache-busting query strings and headers',
      connections: 2,
      request: () => ({
        method: 'GET',
        path: `/de?utm_source=${junk()}&${junk()}=1`,
        headers: {
          'x-forwarded-for': address(200),
          'accept-encoding': ['gzip', 'gzip, br', 'br, gzip;q=0.5', 'deflate, gzip'][
            crypto.randomInt(4)
          ]!,
          host: `${junk()}.example`,
          'x-forwarded-host': `${junk()}.example`,
          'next-router-state-tree': junk(),
        },
      }),
    },
    {
      id: 'junk',
      name: 'junk credentials on GraphQL',
      connections: 2,
      request: () => ({
        method: 'GET',
        path: `/api/graphql?query=${graphqlQuery}`,
        headers: {
          'x-forwarded-for': address(200),
          authorization: `JWT ${junk()}.${junk()}.${junk()}`,
          origin: `https://${junk()}.example`,
        },
      }),
    },
    {
      id: 'misses',
      name: 'real misses (random tags, 50 addresses)',
      connections: 2,
      request: () => ({
        method: 'GET',
        path: `/de/news?tag=${junk()}`,
        headers: { 'x-forwarded-for': address(50) },
      }),
    },
  ]
}

function runReaders(url: string, targets: Target[], seconds: number) {
  return Promise.all(
    targets.map((target) =>
      autocannon({
        url: url + target.path,
        method: target.method,
        headers: target.headers,
        body: target.body,
        connections: 5,
        duration: seconds,
      }),
    ),
  )
}

/**
 * Requests per second each attacker sends. Cheap requests (answered from the cache, or refused
 * by a limit) cost the server about what a reader's hit costs: at full speed they would only
 * measure how two cores share out among connections, a flood a proxy or the network must stop.
 * At this rate the scenario measures what the portal itself decides: how much of the expensive
 * work (renders, password hashing, bodies) the attackers get to make it do.
 */
const ATTACK_RATE = 100

function runAttack(url: string, attack: Attack, seconds: number) {
  return autocannon({
    url,
    connections: attack.connections,
    duration: seconds,
    overallRate: ATTACK_RATE,
    requests: [{ setupRequest: () => attack.request() }],
  })
}

const figures = (targets: Target[], results: autocannon.Result[]): ReaderFigures[] =>
  results.map((result, i) => ({
    target: targets[i]!.name,
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  }))

/** The attacks to run: all by default; `--attacks=login,busting,junk,misses,bodies` picks some. */
export const attackIds = ['login', 'busting', 'junk', 'misses', 'bodies'] as const

export async function hostileScenario(
  database: string,
  workDir: string,
  log: Log,
  seconds: number,
  chosen: readonly string[] = attackIds,
): Promise<HostileResult> {
  log('hostile: starting a server with the production rate limits')
  const server = await startServer({ database, workDir, env: productionRateLimits })
  try {
    const readers = [pageTarget('/de'), homePageTarget('post')]
    for (const target of readers) {
      await verify(server.url, target)
      await verify(server.url, target)
    }
    await runReaders(server.url, readers, 2)
    log(`hostile: quiet phase, readers alone, ${seconds} s`)
    const quiet = figures(readers, await runReaders(server.url, readers, seconds))
    log(
      `hostile: attack phase, readers with ${chosen.join(', ')} (${ATTACK_RATE} req/s each), ${seconds} s`,
    )
    const attackers = attacks().filter((attack) => chosen.includes(attack.id))
    const [readerResults, attackResults, bodies] = await Promise.all([
      runReaders(server.url, readers, seconds),
      Promise.all(attackers.map((attack) => runAttack(server.url, attack, seconds))),
      chosen.includes('bodies')
        ? Promise.all(
            oversizedBodyAttacks(10).map((attack) => sendOversizedBodies(server.url, attack)),
          )
        : Promise.resolve([]),
    ])
    const hostile = figures(readers, readerResults)
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
      ...attackResults.map((result, i) => ({
        attack: attackers[i]!.name,
        requests: result.requests.total,
        statuses: Object.fromEntries(
          Object.entries(result.statusCodeStats ?? {}).map(([code, stat]): [string, number] => [
            code,
            stat?.count ?? 0,
          ]),
        ),
      })),
      ...bodies.map((body) => ({
        attack: `10 × 100 MB bodies, ${body.name}`,
        requests: Object.values(body.statuses).reduce((sum, n) => sum + n, 0),
        statuses: body.statuses,
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
