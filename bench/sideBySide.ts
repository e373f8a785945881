/**
 * `npm run bench:side -- --base=<folder>`: this checkout against another, side by side. Both
 * must be built (`npm run build` in each; the other folder also needs its `node_modules`). For
 * each version a production server starts from its own folder on a fresh database that it
 * migrates and seeds itself, once with the read cache and once without (READ_CACHE_MAX_BYTES=0).
 * Every case is measured alternately, the base then this checkout, in three rounds, with all four
 * servers up; the report gives the median of the server's CPU time per request (from /proc, the
 * figure that hardly moves with the machine's load) and of req/s. A benchmark: it never fails.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { print, type DocumentNode } from 'graphql'

import { bareTarget, benchNow, homePageTarget, measure, pageTarget, type Target } from './load'
import { startServer, type BenchServer } from './server'

type Version = 'base' | 'this'

const option = (name: string) =>
  process.argv
    .slice(2)
    .find((arg) => arg.startsWith(`--${name}=`))
    ?.split('=')[1]

const ROUNDS = Number(option('rounds') ?? 3)
const SECONDS = Number(option('seconds') ?? 6)
const load = { warmupSeconds: 2, seconds: SECONDS, connections: 10 }

/**
 * Each version's own HomePage operation, as its frontend sends it: the operations change between
 * versions (today's asks for no counts, which an older version's page-size rule refuses), so
 * each is read from the version's generated document.
 */
function homePageOf(folder: string): Target {
  const generated = fs.readFileSync(path.join(folder, 'src/graphql/generated.ts'), 'utf8')
  const json = /^export const HomePageDocument = (\{.*\}) as unknown as DocumentNode/m.exec(
    generated,
  )
  if (!json) throw new Error(`no HomePageDocument in ${folder}/src/graphql/generated.ts`)
  const query = print(JSON.parse(json[1]!) as DocumentNode)
  return {
    ...homePageTarget('post'),
    body: JSON.stringify({ query, variables: { locale: 'de', now: benchNow } }),
  }
}

type Case = { name: string; cache: boolean; target: (folder: string) => Target }

/** What is compared: each case names the server it runs against (cache on or off). */
const cases: Case[] = [
  { name: 'bare route', cache: true, target: () => bareTarget },
  { name: 'GraphQL HomePage, cached hit', cache: true, target: homePageOf },
  { name: 'page /de, cached hit', cache: true, target: () => pageTarget('/de') },
  { name: 'GraphQL HomePage, no cache', cache: false, target: homePageOf },
  { name: 'page /de, no cache', cache: false, target: () => pageTarget('/de') },
]

/** A production server of one version, on a fresh database it migrates and seeds itself. */
function startIn(folder: string, cache: boolean, workDir: string): Promise<BenchServer> {
  if (!fs.existsSync(path.join(folder, '.next', 'BUILD_ID'))) {
    throw new Error(`${folder} has no production build: run npm run build there first`)
  }
  return startServer({
    workDir,
    cwd: folder,
    env: {
      READ_CACHE_WARM_UP: 'off',
      ...(cache ? {} : { READ_CACHE_MAX_BYTES: '0' }),
      // Neither version's limits may refuse what is measured: today's admission by load, and the
      // fixed totals the base may still have.
      ADMISSION_BY_LOAD: 'off',
      RATE_LIMIT_UNCACHED_BUDGET_MS_PER_SECOND: '0',
      RATE_LIMIT_PUBLIC_WRITES_TOTAL_PER_SECOND: '0',
      SEARCH_INDEX: 'off',
    },
  })
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

async function main() {
  const base = option('base')
  if (!base) throw new Error('Name the other checkout: npm run bench:side -- --base=<folder>')
  const folders: Record<Version, string> = { base: path.resolve(base), this: process.cwd() }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-side-'))
  const servers = new Map<string, BenchServer>()
  try {
    for (const version of ['base', 'this'] as const) {
      for (const cache of [true, false]) {
        console.log(`starting ${version} (cache ${cache ? 'on' : 'off'}) in ${folders[version]} …`)
        servers.set(`${version} ${cache}`, await startIn(folders[version], cache, workDir))
      }
    }
    // Each version's targets once: reading and printing an operation is no part of a round.
    const targets = new Map(
      cases.flatMap(({ name, target }) =>
        (['base', 'this'] as const).map((v) => [`${name}|${v}`, target(folders[v])] as const),
      ),
    )
    const results = new Map<string, { cpu: number[]; rps: number[] }>()
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [index, { name, cache }] of cases.entries()) {
        for (const version of ['base', 'this'] as const) {
          const server = servers.get(`${version} ${cache}`)!
          const m = await measure(
            server.url,
            targets.get(`${name}|${version}`)!,
            load,
            server.cpuMs,
          )
          const key = `${name}|${version}`
          const entry = results.get(key) ?? { cpu: [], rps: [] }
          entry.cpu.push(m.cpuMsPerRequest ?? NaN)
          entry.rps.push(m.requestsPerSecond)
          results.set(key, entry)
          console.log(
            `round ${round}/${ROUNDS} · case ${index + 1}/${cases.length} ${name} · ${version}: ` +
              `${m.requestsPerSecond} req/s, ${m.cpuMsPerRequest} CPU ms/req, X-Cache ${m.xCache}`,
          )
        }
      }
    }
    // Two views of the same rounds: the ratio of the medians, and the median of each round's
    // ratio (the two versions of a round ran back to back, so they shared the machine's state).
    console.log(
      '\n| case | base CPU ms/req | this CPU ms/req | ratio of medians | median of round ratios | base req/s | this req/s |',
    )
    console.log('| --- | --- | --- | --- | --- | --- | --- |')
    for (const { name } of cases) {
      const a = results.get(`${name}|base`)!
      const b = results.get(`${name}|this`)!
      const [cpuA, cpuB] = [median(a.cpu), median(b.cpu)]
      const perRound = median(b.cpu.map((cpu, round) => cpu / a.cpu[round]!))
      console.log(
        `| ${name} | ${cpuA} | ${cpuB} | ${(cpuB / cpuA).toFixed(2)} | ${perRound.toFixed(2)} | ` +
          `${median(a.rps)} | ${median(b.rps)} |`,
      )
    }
    console.log(`\nmedians of ${ROUNDS} rounds, ${SECONDS} s each, ${load.connections} connections`)
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()))
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
