/** The benchmark's figures: ratios against the bare route, the targets, a table and the JSON. */
import type { Measurement } from './load'

export type CaseId = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h'
export type DataSet = 'seeded' | 'large'
export type CaseResult = Measurement & { case: CaseId; dataSet: DataSet; peakRssMb: number | null }

export const caseNames: Record<CaseId, string> = {
  a: 'bare express route',
  b: 'HomePage GraphQL, cache on',
  c: 'HomePage GraphQL, cache off',
  d: 'page, cache on',
  e: 'page, cache off',
  f: 'news list /de/news, cache off',
  g: 'a project page, cache off',
  h: 'one sitemap part, cache off',
}

const find = (results: CaseResult[], id: CaseId, dataSet: DataSet) =>
  results.find((r) => r.case === id && r.dataSet === dataSet)

const ratio = (x: number | undefined, y: number | undefined) =>
  x !== undefined && y ? Math.round((x / y) * 100) / 100 : null

export function ratios(results: CaseResult[]) {
  const a = find(results, 'a', 'seeded')?.requestsPerSecond
  const rps = (id: CaseId) => find(results, id, 'seeded')?.requestsPerSecond
  const p99 = (id: CaseId, dataSet: DataSet) => find(results, id, dataSet)?.p99Ms
  return {
    'b/a': ratio(rps('b'), a),
    'c/a': ratio(rps('c'), a),
    'd/a': ratio(rps('d'), a),
    'e/a': ratio(rps('e'), a),
    'c p99 large/seeded': ratio(p99('c', 'large'), p99('c', 'seeded')),
    'e p99 large/seeded': ratio(p99('e', 'large'), p99('e', 'seeded')),
    'f p99 large/seeded': ratio(p99('f', 'large'), p99('f', 'seeded')),
    'g p99 large/seeded': ratio(p99('g', 'large'), p99('g', 'seeded')),
    'h p99 large/seeded': ratio(p99('h', 'large'), p99('h', 'seeded')),
  }
}

type Check = { target: string; value: number | null; pass: boolean | null }

/** The targets in docs/benchmark.md; null where the run did not measure the figure. */
export function targets(results: CaseResult[]): Check[] {
  const r = ratios(results)
  const atLeast = (target: string, value: number | null, min: number): Check => ({
    target,
    value,
    pass: value === null ? null : value >= min,
  })
  const atMost = (target: string, value: number | null | undefined, max: number): Check => ({
    target,
    value: value ?? null,
    pass: value === null || value === undefined ? null : value <= max,
  })
  const peak = Math.max(0, ...results.map((x) => x.peakRssMb ?? 0)) || null
  return [
    atLeast('b/a ≥ 0.9', r['b/a'], 0.9),
    atLeast('d/a ≥ 0.8', r['d/a'], 0.8),
    atMost('(c) p99 ≤ 150 ms on seeded data', find(results, 'c', 'seeded')?.p99Ms, 150),
    atMost('(e) p99 ≤ 250 ms on seeded data', find(results, 'e', 'seeded')?.p99Ms, 250),
    atMost('(c) p99 large/seeded ≤ 1.5', r['c p99 large/seeded'], 1.5),
    atMost('(e) p99 large/seeded ≤ 1.5', r['e p99 large/seeded'], 1.5),
    atMost('(f) p99 large/seeded ≤ 1.5', r['f p99 large/seeded'], 1.5),
    atMost('(g) p99 large/seeded ≤ 1.5', r['g p99 large/seeded'], 1.5),
    atMost('(h) p99 large/seeded ≤ 1.5', r['h p99 large/seeded'], 1.5),
    atMost('peak RSS ≤ 500 MB (every server)', peak, 500),
  ]
}

export function table(results: CaseResult[]): string {
  const header = [
    'data',
    'case',
    'req/s',
    'p50 ms',
    'p99 ms',
    'non-2xx',
    'errors',
    'X-Cache',
    'CPU ms/req',
    'RSS MB',
  ]
  const rows = results.map((r) => [
    r.dataSet,
    `(${r.case}) ${caseNames[r.case]}`,
    String(r.requestsPerSecond),
    String(r.p50Ms),
    String(r.p99Ms),
    String(r.non2xx),
    String(r.errors + r.timeouts),
    r.xCache ?? '-',
    String(r.cpuMsPerRequest ?? '?'),
    String(r.peakRssMb ?? '?'),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')
  return [line(header), ...rows.map(line)].join('\n')
}
