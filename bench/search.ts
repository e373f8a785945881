/**
 * Search in `npm run bench` (docs/benchmark.md, "Search"): on the large data set, uncached, at
 * 10 connections, the `search` GraphQL query as the portal's results page sends it, over a mix
 * of German and English queries (common words, rare ones, two-word queries, a half-typed word,
 * a typo), and the same operation for a query with nothing to search (the route's own cost);
 * the results page itself; how long the index takes to build and how much heap it holds; the
 * server's peak RSS; and the time to ready against a server without the index.
 */
import { spawnSync } from 'node:child_process'

import autocannon from 'autocannon'
import { print } from 'graphql'

import { SearchPageDocument } from '../src/graphql/generated'

import { waitForSearchIndex } from './searchReady'
import { productionEnvironment, startServer } from './server'

type Log = (line: string) => void

/** What visitors type: everyday words in both languages, common and rare, finished or not. */
export const searchQueries: { query: string; locale: 'de' | 'en' }[] = [
  { query: 'foundation modelle', locale: 'de' },
  { query: 'Daten', locale: 'de' },
  { query: 'Sprachmodelle', locale: 'de' },
  { query: 'Mobilität München', locale: 'de' },
  { query: 'Partner gesucht', locale: 'de' },
  { query: 'Klimaforsch', locale: 'de' },
  { query: 'Bienert', locale: 'de' },
  { query: 'Rechenzentren Wien', locale: 'de' },
  { query: 'Förderung Robotik', locale: 'de' },
  { query: 'Energienetze', locale: 'de' },
  { query: 'Anna Fischer', locale: 'de' },
  { query: 'Modele', locale: 'de' },
  { query: 'language models', locale: 'en' },
  { query: 'open data', locale: 'en' },
  { query: 'robotics', locale: 'en' },
  { query: 'climate research Paris', locale: 'en' },
  { query: 'funding for educ', locale: 'en' },
  { query: 'sovereign', locale: 'en' },
  { query: 'workshop', locale: 'en' },
  { query: 'Elif Costa', locale: 'en' },
]

const searchBody = (query: string, locale: string) =>
  JSON.stringify({
    query: print(SearchPageDocument),
    variables: { query, locale, page: 1 },
    operationName: 'SearchPage',
  })

export type SearchLoad = {
  target: string
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  non2xx: number
  errors: number
}

/** Every query once, checked: 200, no errors, and results where the data set has them. */
async function verifyQueries(url: string) {
  for (const { query, locale } of searchQueries) {
    const response = await fetch(`${url}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: searchBody(query, locale),
    })
    const json = (await response.json()) as {
      data?: { search?: { totalDocs: number } }
      errors?: unknown[]
    }
    if (response.status !== 200 || json.errors || !json.data?.search) {
      throw new Error(`search "${query}" (${locale}): ${response.status} ${JSON.stringify(json)}`)
    }
  }
}

/** autocannon over a list of requests; every connection walks through them in turn. */
async function load(
  url: string,
  name: string,
  requests: {
    method: 'GET' | 'POST'
    path: string
    headers?: Record<string, string>
    body?: string
  }[],
  settings: { warmupSeconds: number; seconds: number; connections: number },
): Promise<SearchLoad> {
  const run = (duration: number) =>
    autocannon({ url, connections: settings.connections, duration, requests })
  await run(settings.warmupSeconds)
  const result = await run(settings.seconds)
  return {
    target: name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}

/** The in-process build (`npm run search:reindex -- --local --json`) of a database. */
function buildFigures(database: string): { buildMs: number; heapMb: number; documents: number } {
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--conditions=production', '.server/search-reindex.mjs', '--local', '--json'],
    {
      env: {
        ...productionEnvironment(database),
        SERVER_URL: 'http://localhost:3000',
        LOG_LEVEL: 'warn',
      },
      encoding: 'utf8',
    },
  )
  const line = result.stdout.trim().split('\n').pop() ?? ''
  if (result.status !== 0 || !line.startsWith('{')) {
    throw new Error(`search:reindex --local failed: ${result.stderr || result.stdout}`)
  }
  const figures = JSON.parse(line) as { buildMs: number; heapMb: number; documents: { de: number } }
  return { buildMs: figures.buildMs, heapMb: figures.heapMb, documents: figures.documents.de }
}

export type SearchBench = {
  documents: number
  /** In-process build of the whole index, and the heap it holds afterwards (after a GC). */
  buildMs: number
  heapMb: number
  /** The same build inside the server, in the background after it was ready. */
  serverBuildMs: number
  /** Process start to /readyz 200, with the index and with the build put off (SEARCH_INDEX=off). */
  readyMs: number
  readyWithoutIndexMs: number
  graphql: SearchLoad
  /** The same operation for a query with nothing to search: what the route costs without search. */
  floor: SearchLoad
  page: SearchLoad
  peakRssMb: number | null
}

/** The search measurements on one data set (the large one in a full run). */
export async function benchSearch(
  database: string,
  workDir: string,
  settings: { warmupSeconds: number; seconds: number; connections: number },
  log: Log,
): Promise<SearchBench> {
  log('search: building the index in a process of its own (heap and build time)')
  const built = buildFigures(database)
  log(`search: ${built.documents} documents a locale, ${built.buildMs} ms, ${built.heapMb} MB`)

  // The time to ready without search to compare with: the same server start with the index
  // build left out.
  const plain = await startServer({ database, workDir, env: { SEARCH_INDEX: 'off' } })
  const readyWithoutIndexMs = plain.readyMs
  await plain.stop()

  log('search: starting a server, cache off')
  const server = await startServer({ database, workDir, env: { READ_CACHE_MAX_BYTES: '0' } })
  try {
    const serverBuildMs = await waitForSearchIndex(server.url)
    log(
      `search: ready in ${server.readyMs} ms, index built in the background in ${serverBuildMs} ms`,
    )
    await verifyQueries(server.url)
    const headers = { 'content-type': 'application/json', accept: 'application/json' }
    log(`search: GraphQL, ${searchQueries.length} queries in turn, ${settings.seconds} s`)
    const graphql = await load(
      server.url,
      'search GraphQL (SearchPage), cache off',
      searchQueries.map(({ query, locale }) => ({
        method: 'POST',
        path: '/api/graphql',
        headers,
        body: searchBody(query, locale),
      })),
      settings,
    )
    log(
      `search: ${graphql.requestsPerSecond} req/s, p50 ${graphql.p50Ms} ms, p99 ${graphql.p99Ms} ms`,
    )
    // The same request for a query of stop words only: the route's own cost (Payload's request,
    // GraphQL validation and execution, HTTP), with no search work. The difference is the search.
    log(`search: the same operation with nothing to search ("und"), ${settings.seconds} s`)
    const floor = await load(
      server.url,
      'SearchPage for "und" (no search work), cache off',
      [{ method: 'POST', path: '/api/graphql', headers, body: searchBody('und', 'de') }],
      settings,
    )
    log(
      `search: floor ${floor.requestsPerSecond} req/s, p50 ${floor.p50Ms} ms, p99 ${floor.p99Ms} ms`,
    )
    log(`search: the results page, ${settings.seconds} s`)
    const page = await load(
      server.url,
      'results page /{locale}/search?q=…, cache off',
      searchQueries.map(({ query, locale }) => ({
        method: 'GET',
        path: `/${locale}/search?q=${encodeURIComponent(query)}`,
        headers: { accept: 'text/html' },
      })),
      settings,
    )
    log(`search: page ${page.requestsPerSecond} req/s, p50 ${page.p50Ms} ms, p99 ${page.p99Ms} ms`)
    return {
      documents: built.documents,
      buildMs: built.buildMs,
      heapMb: built.heapMb,
      serverBuildMs,
      readyMs: server.readyMs,
      readyWithoutIndexMs,
      graphql,
      floor,
      page,
      peakRssMb: server.peakRssMb(),
    }
  } finally {
    await server.stop()
  }
}

/** The search targets of docs/benchmark.md. */
export function searchTargets(search: SearchBench) {
  const check = (target: string, value: number | null, max: number) => ({
    target,
    value,
    pass: value === null ? null : value <= max,
  })
  return [
    check('search p99 ≤ 50 ms (GraphQL, uncached, 10 connections)', search.graphql.p99Ms, 50),
    check('search index heap ≤ 100 MB', search.heapMb, 100),
    check('search server peak RSS ≤ 500 MB', search.peakRssMb, 500),
    check(
      'start-up to ready slowed by the index ≤ 2 s',
      Math.round((search.readyMs - search.readyWithoutIndexMs) / 100) / 10,
      2,
    ),
  ]
}

export function searchTable(search: SearchBench): string {
  return [
    `Search (large data, ${search.documents} documents a locale):`,
    `  index: built in ${search.buildMs} ms in a process of its own (${search.serverBuildMs} ms in the server, in the background), ${search.heapMb} MB of heap`,
    `  ready: ${search.readyMs} ms from start (${search.readyWithoutIndexMs} ms without the index)`,
    ...[search.graphql, search.floor, search.page].map(
      (m) =>
        `  ${m.target}: ${m.requestsPerSecond} req/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, non-2xx ${m.non2xx}, errors ${m.errors}`,
    ),
    `  peak RSS of the search server: ${search.peakRssMb ?? '?'} MB`,
  ].join('\n')
}
