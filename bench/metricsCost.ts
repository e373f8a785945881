/**
 * What `/metrics` costs the cached read path (`--only=metrics`): three servers on the same
 * seeded data, one without METRICS_TOKEN (metrics off: nothing is counted), one with it scraped
 * every 15 s (a usual Prometheus interval) and one with it scraped every second (the pessimistic
 * case). The cached HomePage GraphQL operation and the cached `/de` page are measured on all
 * three at the same time, so they share the two cores and whatever else the machine does: the
 * ratio of their req/s in one round is how much more each request costs with metrics, and load
 * from elsewhere moves all three alike. Several rounds, the median ratio reported. Target:
 * metrics on (15 s scrapes) ≥ 0.97 of off.
 */
import crypto from 'node:crypto'

import { homePageTarget, measure, pageTarget, type Measurement, type Target } from './load'
import { startServer, type BenchServer } from './server'

type Log = (line: string) => void
type Settings = { connections: number; warmupSeconds: number; seconds: number }

/** The variants measured side by side: metrics off, and on with two scrape intervals. */
const variants = [
  { name: 'off', scrapeSeconds: 0 },
  { name: 'on, scraped every 15 s', scrapeSeconds: 15 },
  { name: 'on, scraped every 1 s', scrapeSeconds: 1 },
] as const

export type MetricsCostResult = {
  rounds: number
  cases: {
    target: string
    variant: string
    requestsPerSecond: number
    p99Ms: number
    /** Median over the rounds of this variant's req/s over the off server's in the same round. */
    ratio: number
  }[]
  scrapes: number
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** Scrapes `/metrics` every `seconds` until stopped; counts the successful scrapes. */
function scraper(server: BenchServer, token: string, seconds: number) {
  let scrapes = 0
  const scrape = () =>
    void fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } }).then(
      async (res) => {
        await res.arrayBuffer()
        if (res.ok) scrapes += 1
      },
      () => undefined,
    )
  scrape()
  const timer = setInterval(scrape, seconds * 1000)
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
  log('metrics: starting a server without metrics and two with METRICS_TOKEN')
  const servers: BenchServer[] = []
  const scrapers: ReturnType<typeof scraper>[] = []
  try {
    for (const variant of variants) {
      const env: Record<string, string> = variant.scrapeSeconds ? { METRICS_TOKEN: token } : {}
      const server = await startServer({ database, workDir, env })
      servers.push(server)
      if (variant.scrapeSeconds) scrapers.push(scraper(server, token, variant.scrapeSeconds))
    }
    const targets: Target[] = [homePageTarget('post'), pageTarget('/de')]
    const results = new Map<string, Measurement[][]>()
    for (const target of targets)
      results.set(
        target.name,
        variants.map(() => []),
      )
    for (let round = 1; round <= rounds; round++) {
      for (const target of targets) {
        log(`metrics: round ${round}/${rounds}: ${target.name} on all three servers at once`)
        const measured = await Promise.all(
          servers.map((server) => measure(server.url, target, settings)),
        )
        for (const m of measured)
          if (m.xCache !== 'HIT') throw new Error(`${target.name} is not a cache hit: ${m.xCache}`)
        measured.forEach((m, i) => results.get(target.name)![i]!.push(m))
        log(
          `metrics:   ${measured
            .map((m, i) => `${variants[i]!.name}: ${m.requestsPerSecond} req/s (p99 ${m.p99Ms} ms)`)
            .join('; ')}`,
        )
      }
    }
    const cases = targets.flatMap((target) => {
      const byVariant = results.get(target.name)!
      const off = byVariant[0]!
      return variants.map((variant, i) => ({
        target: target.name,
        variant: variant.name,
        requestsPerSecond: median(byVariant[i]!.map((m) => m.requestsPerSecond)),
        p99Ms: median(byVariant[i]!.map((m) => m.p99Ms)),
        // Each round's servers saw the same machine: the ratio is taken within a round.
        ratio:
          Math.round(
            median(byVariant[i]!.map((m, r) => m.requestsPerSecond / off[r]!.requestsPerSecond)) *
              1000,
          ) / 1000,
      }))
    })
    return { rounds, cases, scrapes: scrapers.reduce((sum, s) => sum + s.count(), 0) }
  } finally {
    for (const s of scrapers) s.stop()
    await Promise.all(servers.map((server) => server.stop()))
  }
}

export function metricsCostTable(result: MetricsCostResult): string {
  return [
    '| target (cached) | server | req/s | p99 ms | against off (median of rounds) |',
    '| --- | --- | --- | --- | --- |',
    ...result.cases.map(
      (c) =>
        `| ${c.target} | metrics ${c.variant} | ${c.requestsPerSecond} | ${c.p99Ms} | ${c.ratio} |`,
    ),
  ].join('\n')
}

export function metricsCostTargets(result: MetricsCostResult) {
  return result.cases
    .filter((c) => c.variant === variants[1].name)
    .map((c) => ({
      target: `metrics on (15 s scrapes) / off ≥ 0.97 (${c.target})`,
      value: c.ratio,
      pass: c.ratio >= 0.97,
    }))
}
