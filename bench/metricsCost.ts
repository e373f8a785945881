/**
 * What `/metrics` costs the cached read path (`--only=metrics`): two servers on the same seeded
 * data, one with METRICS_TOKEN set (every request measured, and scraped once a second meanwhile:
 * much more often than Prometheus' usual 15 s) and one without (metrics off). The cached HomePage
 * GraphQL operation and the cached `/de` page are measured on both at the same time, so both
 * share the two cores and whatever else the machine does: the ratio of their req/s is how much
 * more each request costs with metrics, and load from elsewhere moves both alike. Several rounds,
 * medians compared. Target: metrics on ≥ 0.97 of off.
 */
import crypto from 'node:crypto'

import { homePageTarget, measure, pageTarget, type Measurement, type Target } from './load'
import { startServer, type BenchServer } from './server'

type Log = (line: string) => void
type Settings = { connections: number; warmupSeconds: number; seconds: number }

export type MetricsCostResult = {
  rounds: number
  cases: {
    target: string
    offRequestsPerSecond: number
    onRequestsPerSecond: number
    ratio: number
    offP99Ms: number
    onP99Ms: number
  }[]
  scrapes: number
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** Scrapes `/metrics` once a second until stopped; counts the successful scrapes. */
function scraper(server: BenchServer, token: string) {
  let scrapes = 0
  const timer = setInterval(() => {
    void fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } }).then(
      async (res) => {
        await res.arrayBuffer()
        if (res.ok) scrapes += 1
      },
      () => undefined,
    )
  }, 1000)
  return { stop: () => clearInterval(timer), count: () => scrapes }
}

export async function metricsCostScenario(
  database: string,
  workDir: string,
  settings: Settings,
  log: Log,
  rounds = 3,
): Promise<MetricsCostResult> {
  const token = crypto.randomBytes(32).toString('hex')
  log('metrics: starting a server without metrics and one with METRICS_TOKEN')
  const off = await startServer({ database, workDir })
  const on = await startServer({ database, workDir, env: { METRICS_TOKEN: token } })
  const scrape = scraper(on, token)
  try {
    const targets: Target[] = [homePageTarget('post'), pageTarget('/de')]
    const results = new Map<string, { off: Measurement[]; on: Measurement[] }>()
    for (const target of targets) results.set(target.name, { off: [], on: [] })
    for (let round = 1; round <= rounds; round++) {
      for (const target of targets) {
        log(`metrics: round ${round}/${rounds}: ${target.name} on both servers at once`)
        const [mOff, mOn] = await Promise.all([
          measure(off.url, target, settings),
          measure(on.url, target, settings),
        ])
        for (const m of [mOff, mOn])
          if (m.xCache !== 'HIT') throw new Error(`${target.name} is not a cache hit: ${m.xCache}`)
        results.get(target.name)!.off.push(mOff)
        results.get(target.name)!.on.push(mOn)
        log(
          `metrics:   off ${mOff.requestsPerSecond} req/s (p99 ${mOff.p99Ms} ms), ` +
            `on ${mOn.requestsPerSecond} req/s (p99 ${mOn.p99Ms} ms), ` +
            `ratio ${(mOn.requestsPerSecond / mOff.requestsPerSecond).toFixed(3)}`,
        )
      }
    }
    const cases = targets.map((target) => {
      const r = results.get(target.name)!
      // The median of each round's ratio: the two servers of a round saw the same machine.
      const ratio = median(r.on.map((m, i) => m.requestsPerSecond / r.off[i]!.requestsPerSecond))
      return {
        target: target.name,
        offRequestsPerSecond: median(r.off.map((m) => m.requestsPerSecond)),
        onRequestsPerSecond: median(r.on.map((m) => m.requestsPerSecond)),
        ratio: Math.round(ratio * 1000) / 1000,
        offP99Ms: median(r.off.map((m) => m.p99Ms)),
        onP99Ms: median(r.on.map((m) => m.p99Ms)),
      }
    })
    return { rounds, cases, scrapes: scrape.count() }
  } finally {
    scrape.stop()
    await Promise.all([off.stop(), on.stop()])
  }
}

export function metricsCostTable(result: MetricsCostResult): string {
  return [
    '| target (cached) | metrics off req/s | metrics on req/s | on/off (median of rounds) | off p99 ms | on p99 ms |',
    '| --- | --- | --- | --- | --- | --- |',
    ...result.cases.map(
      (c) =>
        `| ${c.target} | ${c.offRequestsPerSecond} | ${c.onRequestsPerSecond} | ${c.ratio} | ${c.offP99Ms} | ${c.onP99Ms} |`,
    ),
  ].join('\n')
}

export function metricsCostTargets(result: MetricsCostResult) {
  return result.cases.map((c) => ({
    target: `metrics on/off ≥ 0.97 (${c.target})`,
    value: c.ratio,
    pass: c.ratio >= 0.97,
  }))
}
