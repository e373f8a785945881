/**
 * What the benchmark sends and how: a target is one request (method, path, headers, body), checked
 * once for a 200 and a sensible body before it is measured with autocannon (a warm-up whose
 * numbers are dropped, then the measured run).
 */
import autocannon from 'autocannon'
import { print } from 'graphql'

import { HomePageDocument } from '../src/graphql/generated'

import { monotonicNowUs, type ClockWindow } from './profile'

export type Target = {
  name: string
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
  /** Says what is wrong with a 200 answer's body, or null when it is what a client expects. */
  check?: (body: string) => string | null
}

export type Measurement = {
  target: string
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  non2xx: number
  errors: number
  timeouts: number
  /** The X-Cache header of the checked response (HIT, MISS, BYPASS), or null without a cache. */
  xCache: string | null
  /**
   * The server's CPU time per answered request over the measured run (all its threads), when the
   * caller can read it: unlike latency, it hardly moves with what else runs on the machine.
   */
  cpuMsPerRequest: number | null
  /** When the measured run (not the warm-up) ran, on the monotonic clock CPU profiles use. */
  window: ClockWindow
}

/** A fixed "now", so every run asks for the same upcoming events. */
export const benchNow = '2026-01-01T00:00:00.000Z'

const graphqlCheck = (body: string) => {
  try {
    const json = JSON.parse(body) as { data?: { News?: { docs?: unknown[] } }; errors?: unknown[] }
    if (json.errors?.length) return `GraphQL errors: ${JSON.stringify(json.errors).slice(0, 300)}`
    if (!json.data?.News?.docs?.length) return 'the answer has no news'
    return null
  } catch {
    return `not JSON: ${body.slice(0, 200)}`
  }
}

/** The HomePage operation as a frontend sends it: POST JSON, or GET with query parameters. */
export function homePageTarget(transport: 'post' | 'get'): Target {
  const query = print(HomePageDocument)
  const variables = JSON.stringify({ locale: 'de', now: benchNow })
  if (transport === 'get') {
    const search = new URLSearchParams({ query, variables, operationName: 'HomePage' })
    return {
      name: 'graphql HomePage (GET)',
      method: 'GET',
      path: `/api/graphql?${search}`,
      headers: { accept: 'application/json' },
      check: graphqlCheck,
    }
  }
  return {
    name: 'graphql HomePage (POST)',
    method: 'POST',
    path: '/api/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables: JSON.parse(variables), operationName: 'HomePage' }),
    check: graphqlCheck,
  }
}

export const bareTarget: Target = {
  name: 'bare express route /healthz',
  method: 'GET',
  path: '/healthz',
}

export const pageTarget = (path: string): Target => ({
  name: `page ${path}`,
  method: 'GET',
  path,
  headers: { accept: 'text/html' },
  check: (body) => (/<html/i.test(body) ? null : `not an HTML page: ${body.slice(0, 200)}`),
})

/**
 * The pages whose cost must not grow with the archive (docs/indexes.md): the news list, a seeded
 * project (on both data sets: the large one is written on top of the seeded one) and the sitemap
 * part of the month the seeded news were published in.
 */
export const archiveTargets = {
  f: pageTarget('/de/news'),
  g: pageTarget('/de/projects/soofi'),
  h: {
    name: 'sitemap part /sitemap/news-2025-11.xml',
    method: 'GET',
    path: '/sitemap/news-2025-11.xml',
    check: (body: string) => (/<urlset/.test(body) ? null : `not a sitemap: ${body.slice(0, 200)}`),
  },
} satisfies Record<string, Target>

/** One request: its status, body and X-Cache header. */
export async function probe(baseUrl: string, target: Target) {
  const response = await fetch(baseUrl + target.path, {
    method: target.method,
    headers: target.headers,
    body: target.body,
  })
  return {
    status: response.status,
    body: await response.text(),
    xCache: response.headers.get('x-cache'),
  }
}

/** Refuses to measure a target that does not answer 200 with the expected body. */
export async function verify(baseUrl: string, target: Target) {
  const answer = await probe(baseUrl, target)
  const problem =
    answer.status !== 200
      ? `status ${answer.status}: ${answer.body.slice(0, 300)}`
      : (target.check?.(answer.body) ?? null)
  if (problem) throw new Error(`${target.name} at ${baseUrl}: ${problem}`)
  return answer
}

function run(baseUrl: string, target: Target, seconds: number, connections: number) {
  return autocannon({
    url: baseUrl + target.path,
    method: target.method,
    headers: target.headers,
    body: target.body,
    connections,
    duration: seconds,
  })
}

export async function measure(
  baseUrl: string,
  target: Target,
  options: { warmupSeconds: number; seconds: number; connections: number },
  /** The server's CPU time so far in ms (BenchServer.cpuMs), to report CPU per request. */
  serverCpuMs?: () => number | null,
): Promise<Measurement> {
  const checked = await verify(baseUrl, target)
  await run(baseUrl, target, options.warmupSeconds, options.connections)
  // After the warm-up a cached target answers from the cache: record what the header says now.
  const { xCache } = await probe(baseUrl, target)
  const startUs = monotonicNowUs()
  const cpuBefore = serverCpuMs?.() ?? null
  const result = await run(baseUrl, target, options.seconds, options.connections)
  const cpuAfter = serverCpuMs?.() ?? null
  const window = { startUs, endUs: monotonicNowUs() }
  const cpuMsPerRequest =
    cpuBefore !== null && cpuAfter !== null && result.requests.total > 0
      ? Math.round(((cpuAfter - cpuBefore) / result.requests.total) * 100) / 100
      : null
  return {
    target: target.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    xCache: xCache ?? checked.xCache,
    cpuMsPerRequest,
    window,
  }
}
