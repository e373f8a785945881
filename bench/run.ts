/**
 * `npm run bench`: how close the read path comes to the HTTP ceiling, measured on a production
 * build on this machine. See docs/benchmark.md for the cases, the targets and the options.
 * A benchmark, not a test: it reports against the targets and never fails on timings.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { formatSummary, readProfiles, waitForProfile, type ProfileSummary } from './profile'
import {
  archiveTargets,
  bareTarget,
  benchNow,
  homePageTarget,
  measure,
  pageTarget,
  type Target,
} from './load'
import { ensureBuild, largeDatabase, seededDatabase } from './prepare'
import {
  caseNames,
  ratios,
  table,
  targets,
  type CaseId,
  type CaseResult,
  type DataSet,
} from './report'
import {
  editorialScenario,
  editorialTable,
  editorialTargets,
  type EditorialResult,
} from './editorial'
import { hostileScenario, hostileTable, hostileTargets, type HostileResult } from './hostile'
import {
  metricsCostScenario,
  metricsCostTable,
  metricsCostTargets,
  type MetricsCostResult,
} from './metricsCost'
import { launchOptions, launchTable, launchTargets } from './launch/report'
import { launchScenario, type LaunchResult } from './launch/scenario'
import { replicasScenario, replicasTable, replicasTargets, type ReplicasResult } from './replicas'
import { benchSearch, searchTable, searchTargets, type SearchBench } from './search'
import { sharedCacheScenario, sharedCacheTable, type SharedCacheResult } from './sharedCache'
import { startServer } from './server'
import { removeDatabase } from './sqliteFiles'
import { updatesScenario, updatesTable, updatesTargets, type UpdatesResult } from './updates'

const args = process.argv.slice(2)
const option = (name: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ??
  (args.includes(`--${name}`) ? '' : undefined)

const quick = option('quick') !== undefined
const settings = {
  connections: 10,
  warmupSeconds: quick ? 1 : 2,
  seconds: quick ? 3 : 10,
}
const transport = option('graphql') === 'get' ? 'get' : 'post'
const withLarge = option('no-large') === undefined
const profile = option('profile') !== undefined
/** `--node-flags=--max-semi-space-size=16,…`: Node flags for the read and profile servers, after
 * `npm start`'s own (which they override), to compare a setting in the same run's conditions. */
const extraNodeFlags = option('node-flags')?.split(',').filter(Boolean) ?? []
/**
 * `--only=read,search,hostile,editorial,metrics,shared,updates,replicas,launch,profile`: the
 * scenarios to run (all but profile, launch, updates and replicas by default: updates sends 10,000
 * mails, which takes minutes; replicas starts six servers).
 */
const only = option('only')?.split(',')
type Scenario =
  | 'read'
  | 'search'
  | 'hostile'
  | 'editorial'
  | 'metrics'
  | 'shared'
  | 'updates'
  | 'replicas'
  | 'launch'
  | 'profile'
const runs = (scenario: Scenario) =>
  scenario === 'profile'
    ? profile || !!only?.includes('profile')
    : scenario === 'launch' || scenario === 'updates' || scenario === 'replicas'
      ? !!only?.includes(scenario)
      : !only || only.includes(scenario)
const started = Date.now()
const log = (line: string) =>
  console.log(`[bench ${String(Math.round((Date.now() - started) / 1000)).padStart(4)} s] ${line}`)

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'initiative-portal-bench-run-'))
const results: CaseResult[] = []
const profiles: (ProfileSummary & { case: CaseId; dataSet: DataSet; requests: number })[] = []

/** Starts one server, measures the given cases on it, records its peak RSS, stops it. */
async function onServer(
  label: string,
  database: string,
  dataSet: DataSet,
  env: Record<string, string>,
  cases: [CaseId, Target][],
  nodeFlags: string[] = extraNodeFlags,
) {
  log(`server: starting (${label}, ${dataSet} data)`)
  const server = await startServer({ database, workDir, env, nodeFlags })
  try {
    for (const [id, target] of cases) {
      log(
        `(${id}) ${caseNames[id]}: ${target.name}: ${settings.warmupSeconds} s warm-up, ${settings.seconds} s measured`,
      )
      const m = await measure(server.url, target, settings, server.cpuMs)
      results.push({ ...m, case: id, dataSet, peakRssMb: null })
      log(
        `(${id}) ${m.requestsPerSecond} req/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, ` +
          `non-2xx ${m.non2xx}, errors ${m.errors + m.timeouts}, X-Cache ${m.xCache ?? '-'}, ` +
          `CPU ${m.cpuMsPerRequest ?? '?'} ms per request`,
      )
    }
  } finally {
    const rss = server.peakRssMb()
    for (const r of results)
      if (r.dataSet === dataSet && cases.some(([id]) => id === r.case)) r.peakRssMb = rss
    log(`server: peak RSS ${rss ?? '?'} MB; stopping`)
    await server.stop()
  }
}

try {
  log(
    `machine: ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  )
  const build = ensureBuild(log)
  const seeded = seededDatabase(workDir, log)
  const large =
    withLarge && (runs('read') || runs('search') || runs('profile'))
      ? largeDatabase(seeded, log)
      : null
  const graphql = homePageTarget(transport)
  const pagePath = option('page') || '/de'
  // `--page=/sitemap/<part>.xml` measures a sitemap part as cases (d) and (e) (and profiles it).
  const page = pagePath.startsWith('/sitemap/')
    ? { ...archiveTargets.h, name: `sitemap part ${pagePath}`, path: pagePath }
    : pageTarget(pagePath)
  const archiveCases = Object.entries(archiveTargets) as [CaseId, Target][]

  if (runs('read')) {
    // Cache on: the server's defaults.
    await onServer('cache on', seeded, 'seeded', {}, [
      ['a', bareTarget],
      ['b', graphql],
      ['d', page],
    ])
    const off = { READ_CACHE_MAX_BYTES: '0' }
    await onServer('cache off', seeded, 'seeded', off, [
      ['c', graphql],
      ['e', page],
      ...archiveCases,
    ])
    if (large) {
      await onServer('cache on', large, 'large', {}, [
        ['b', graphql],
        ['d', page],
      ])
      await onServer('cache off', large, 'large', off, [
        ['c', graphql],
        ['e', page],
        ...archiveCases,
      ])
    }
  }

  // CPU profiles of the uncached cases, each on a server of its own, counted over the measured
  // window only; apart from the timed runs, since the profiler itself costs time.
  if (runs('profile')) {
    const dataSets: [DataSet, string][] = [['seeded', seeded]]
    if (large) dataSets.push(['large', large])
    for (const [dataSet, database] of dataSets) {
      for (const [id, target] of [
        ['c', graphql],
        ['e', page],
      ] as [CaseId, Target][]) {
        const dir = path.join(os.tmpdir(), 'initiative-portal-bench', `profile-${Date.now()}-${id}`)
        log(`profile (${id}) ${caseNames[id]}, ${dataSet} data: server under --cpu-prof`)
        const server = await startServer({
          database,
          workDir,
          env: { READ_CACHE_MAX_BYTES: '0' },
          nodeFlags: [...extraNodeFlags, '--cpu-prof', `--cpu-prof-dir=${dir}`],
        })
        let m
        try {
          m = await measure(server.url, target, settings, server.cpuMs)
        } finally {
          await server.stop()
        }
        await waitForProfile(dir)
        const summary = readProfiles(dir, m.window)
        if (summary) profiles.push({ ...summary, case: id, dataSet, requests: m.requests })
        console.log(
          `\nCPU profile (${id}) ${caseNames[id]}, ${dataSet} data, measured window only ` +
            `(${m.requestsPerSecond} req/s under the profiler):\n${formatSummary(summary, m.requests)}\n(profile in ${dir})\n`,
        )
      }
    }
  }

  // Search on the large data set (the seeded one with --no-large): bench/search.ts.
  const search: SearchBench | null = runs('search')
    ? await benchSearch(large ?? seeded, workDir, settings, log)
    : null

  // Hostile load, on the seeded data: bench/hostile.ts.
  const hostile: HostileResult | null = runs('hostile')
    ? await hostileScenario(
        seeded,
        workDir,
        log,
        quick ? 3 : 6,
        option('attacks')?.split(','),
        quick ? 1 : 3,
      )
    : null

  // A newsroom at work, on the seeded data: bench/editorial.ts.
  const editorial: EditorialResult | null = runs('editorial')
    ? await editorialScenario(
        seeded,
        workDir,
        log,
        quick ? 4 : 10,
        quick ? 1 : 3,
        option('editors')?.split(','),
      )
    : null

  // What /metrics costs cached reads, on the seeded data: bench/metricsCost.ts.
  const metrics: MetricsCostResult | null = runs('metrics')
    ? await metricsCostScenario(
        seeded,
        workDir,
        { ...settings, seconds: quick ? 3 : 6 },
        log,
        quick ? 1 : 5,
      )
    : null

  // Varnish in front, purged by tag, and webhooks, on the seeded data: bench/sharedCache.ts.
  const shared: SharedCacheResult | null = runs('shared')
    ? await sharedCacheScenario(seeded, workDir, settings, log, quick ? 20 : 100)
    : null

  // E-mail updates to 10,000 subscribers (`--subscribers=` for fewer), on the seeded data:
  // bench/updates.ts.
  const updates: UpdatesResult | null = runs('updates')
    ? await updatesScenario(seeded, workDir, log, {
        subscribers: Number(option('subscribers') || 10_000),
        seconds: quick ? 4 : 10,
        rounds: quick ? 1 : 3,
      })
    : null

  // One worker against two (WEB_CONCURRENCY), on the seeded data: bench/replicas.ts.
  const replicas: ReplicasResult | null = runs('replicas')
    ? await replicasScenario(
        seeded,
        workDir,
        {
          settings,
          targets: [graphql, page],
          graphql: homePageTarget('post'),
          editorialSeconds: quick ? 4 : 10,
          editorialRounds: quick ? 1 : 3,
          editors: option('editors')?.split(','),
          writes: quick ? 10 : 50,
        },
        log,
      )
    : null

  // Launch day, on the seeded data: bench/launch/scenario.ts.
  const launch: LaunchResult | null = runs('launch')
    ? await launchScenario(seeded, workDir, log, launchOptions(option, quick))
    : null

  const summary = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      loadAfter: os.loadavg().map((l) => Math.round(l * 10) / 10),
      node: process.version,
    },
    settings: { ...settings, transport, graphqlNow: benchNow, page: page.path },
    build,
    results,
    ratios: ratios(results),
    targets: [
      ...(runs('read') ? targets(results) : []),
      ...(search ? searchTargets(search) : []),
      ...(hostile ? hostileTargets(hostile) : []),
      ...(editorial ? editorialTargets(editorial) : []),
      ...(metrics ? metricsCostTargets(metrics) : []),
      ...(updates ? updatesTargets(updates) : []),
      ...(replicas ? replicasTargets(replicas) : []),
      ...(launch ? launchTargets(launch) : []),
    ],
    search,
    hostile,
    editorial,
    metrics,
    shared,
    updates,
    replicas,
    launch,
    profiles,
  }
  fs.mkdirSync('bench/results', { recursive: true })
  fs.writeFileSync('bench/results/latest.json', `${JSON.stringify(summary, null, 2)}\n`)

  if (runs('read')) console.log(`\n${table(results)}\n`)
  if (search) console.log(`${searchTable(search)}\n`)
  if (hostile)
    console.log(
      `Hostile load (readers against a quiet phase, same run):\n${hostileTable(hostile)}\n`,
    )
  if (editorial)
    console.log(
      `A newsroom at work (readers against a quiet phase, same run):\n${editorialTable(editorial)}\n`,
    )
  if (metrics)
    console.log(
      `Metrics cost (medians of ${metrics.rounds} rounds, ${metrics.scrapes} scrapes):\n${metricsCostTable(metrics)}\n`,
    )
  if (shared) console.log(`Shared cache and webhooks (same run):\n${sharedCacheTable(shared)}\n`)
  if (updates)
    console.log(
      `E-mail updates (${updates.subscribers} subscribers; readers against a quiet phase, same run):\n${updatesTable(updates)}\n`,
    )
  if (replicas)
    console.log(
      `Replicas (one worker against two, seeded data, same run):\n${replicasTable(replicas)}\n`,
    )
  if (launch) {
    const workers = `${launch.options.workers} worker${launch.options.workers > 1 ? 's' : ''}`
    console.log(`Launch day (new visitors a second, ${workers}):\n${launchTable(launch)}\n`)
  }
  console.log(
    `Ratios (req/s against (a); p99 large/seeded): ${Object.entries(summary.ratios)
      .map(([k, v]) => `${k} ${v ?? 'n/a'}`)
      .join(', ')}`,
  )
  for (const t of summary.targets) {
    const mark = t.pass === null ? 'n/a ' : t.pass ? 'ok  ' : 'MISS'
    console.log(`  ${mark} ${t.target}: ${t.value ?? 'not measured'}`)
  }
  console.log('\nWritten to bench/results/latest.json')
} finally {
  removeDatabase(path.join(workDir, 'seeded.db'))
  fs.rmSync(workDir, { recursive: true, force: true })
}
process.exit(0)
