/**
 * Shared caches and webhooks (`--only=shared`): a production build behind Debian's Varnish with
 * deploy/varnish/portal.vcl and `s-maxage` of a day, purged by tag after every commit.
 *
 * - cached reads through Varnish against the portal's own cache (same run, same server);
 * - `rounds` publishes of one news item by an admin, each followed at once by a read through
 *   Varnish: the publish's response time (it includes the purge, which runs before the
 *   acknowledgement), whether that read was fresh, and when the webhook for the publish reached
 *   a receiver on this machine, counted from the publish's response (negative: it arrived first);
 * - the same publishes on a server of their own with neither purge nor webhook: the baseline.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { freePort } from '../scripts/productionProcess'
import { startVarnish, type Varnish } from '../scripts/varnishProcess'

import { homePageTarget, measure, pageTarget, type Measurement } from './load'
import { benchAdmin, startServer } from './server'

type Settings = { warmupSeconds: number; seconds: number; connections: number }
type Log = (line: string) => void

export type SharedCacheResult = {
  reads: { case: string; portal: Measurement; varnish: Measurement }[]
  rounds: number
  publishMs: { p50: number; p99: number }
  /** The same publishes on a server with neither a purge nor a webhook, in the same run. */
  baselinePublishMs: { p50: number; p99: number }
  staleReads: number
  purgedBeforeAck: number
  webhookMs: { p50: number; p99: number; missing: number }
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? Math.round(sorted[Math.floor(q * (sorted.length - 1))]! * 10) / 10 : NaN
}

/** A receiver on this machine that notes when each webhook message arrived, by its id. */
async function receiver() {
  const arrived = new Map<string, number>()
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      arrived.set(String(req.headers['webhook-id']), performance.now())
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  return { url, arrived, close: () => new Promise<void>((r) => server.close(() => r())) }
}

async function admin(url: string) {
  const res = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(benchAdmin),
  })
  const { token } = (await res.json()) as { token: string }
  return (method: string, path: string, body?: unknown) =>
    fetch(`${url}/api${path}`, {
      method,
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }))
}

/** The webhook message ids of one endpoint, in the order the portal recorded them. */
async function messageIds(call: Awaited<ReturnType<typeof admin>>, endpoint: string) {
  const ids: string[] = []
  for (let page = 1; ; page++) {
    const { status, json } = await call(
      'GET',
      `/webhook-deliveries?where[endpoint][equals]=${endpoint}&sort=createdAt&limit=100&page=${page}&depth=0`,
    )
    if (status !== 200) throw new Error(`shared: the delivery log answered ${status}`)
    ids.push(...(json.docs as { messageId: string }[]).map((d) => d.messageId))
    if (!json.hasNextPage) return ids
  }
}

/** A GraphQL GET of one news item's title, which Varnish keeps. */
const titleQuery = (slug: string) =>
  `/api/graphql?query=${encodeURIComponent(
    `{ News(where: { slug: { equals: "${slug}" } }, limit: 1) { docs { title } } }`,
  )}`

async function publishRounds(varnish: Varnish, serverUrl: string, rounds: number, log: Log) {
  const hook = await receiver()
  const call = await admin(serverUrl)
  const created = await call('POST', '/webhooks', {
    name: 'bench receiver',
    url: hook.url,
    events: ['update'],
    sources: ['news'],
  })
  const endpoint = String((created.json.doc as { id: string }).id)
  const { json } = await call('GET', '/news?limit=1&sort=-publishedAt&depth=0')
  const { id, slug } = (json.docs as { id: string; slug: string }[])[0]!
  const query = titleQuery(slug)
  const publishMs: number[] = []
  const answered: number[] = []
  let stale = 0
  let purged = 0
  for (let round = 1; round <= rounds; round++) {
    // Varnish holds the answer before each publish, so the read after it shows the purge.
    await fetch(varnish.url + query).then((r) => r.text())
    const title = `Bench-Runde ${round}`
    const started = performance.now()
    const res = await call('PATCH', `/news/${id}`, { title, _status: 'published' })
    const done = performance.now()
    if (res.status !== 200) throw new Error(`shared: publish answered ${res.status}`)
    publishMs.push(done - started)
    answered.push(done)
    const read = await fetch(varnish.url + query)
    const body = await read.text()
    if (!body.includes(title)) stale++
    if (read.headers.get('x-shared-cache') === 'MISS') purged++
    if (round % 10 === 0) log(`shared: ${round}/${rounds} publishes, ${stale} stale reads`)
  }
  // Wait (bounded) for the last messages, then match each round to its message.
  const ids = await messageIds(call, endpoint)
  for (let i = 0; i < 100 && ids.some((m) => !hook.arrived.has(m)); i++)
    await new Promise((r) => setTimeout(r, 50))
  const webhookMs = ids
    .map((m, i) => (hook.arrived.has(m) ? hook.arrived.get(m)! - answered[i]! : null))
    .filter((v): v is number => v !== null)
  await hook.close()
  return {
    publishMs: { p50: quantile(publishMs, 0.5), p99: quantile(publishMs, 0.99) },
    staleReads: stale,
    purgedBeforeAck: purged,
    webhookMs: {
      p50: quantile(webhookMs, 0.5),
      p99: quantile(webhookMs, 0.99),
      missing: rounds - webhookMs.length,
    },
  }
}

/** Publish times on a server that purges nothing and has no webhook: the baseline. */
async function baselinePublishes(database: string, workDir: string, rounds: number, log: Log) {
  log('shared: baseline server, no purge, no webhook')
  const server = await startServer({ database, workDir, env: { READ_CACHE_WARM_UP: 'off' } })
  try {
    const call = await admin(server.url)
    const { json } = await call('GET', '/news?limit=1&sort=-publishedAt&depth=0')
    const { id, slug } = (json.docs as { id: string; slug: string }[])[0]!
    const times: number[] = []
    for (let round = 1; round <= rounds; round++) {
      const started = performance.now()
      const res = await call('PATCH', `/news/${id}`, {
        title: `Bench-Runde ${round}`,
        _status: 'published',
      })
      if (res.status !== 200) throw new Error(`shared: baseline publish answered ${res.status}`)
      times.push(performance.now() - started)
      // The same read after each publish as behind Varnish, here from the portal itself.
      await fetch(server.url + titleQuery(slug)).then((r) => r.text())
    }
    return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) }
  } finally {
    await server.stop()
  }
}

async function behindVarnish(
  database: string,
  workDir: string,
  settings: Settings,
  log: Log,
  rounds: number,
): Promise<Omit<SharedCacheResult, 'baselinePublishMs'>> {
  const varnishPort = await freePort()
  log('shared: server with READ_CACHE_SHARED_MAX_AGE=86400, purging Varnish by tag')
  const server = await startServer({
    database,
    workDir,
    env: {
      READ_CACHE_SHARED_MAX_AGE: '86400',
      READ_CACHE_WARM_UP: 'off',
      VARNISH_PURGE_URL: `http://127.0.0.1:${varnishPort}/`,
      WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8',
    },
  })
  let varnish: Varnish | undefined
  try {
    varnish = await startVarnish(varnishPort, Number(new URL(server.url).port))
    const reads: SharedCacheResult['reads'] = []
    for (const target of [homePageTarget('get'), pageTarget('/de')]) {
      log(`shared: ${target.name}, cached by the portal, then by Varnish`)
      const portal = await measure(server.url, target, settings, server.cpuMs)
      const shared = await measure(varnish.url, target, settings, server.cpuMs)
      reads.push({ case: target.name, portal, varnish: shared })
    }
    const measured = await publishRounds(varnish, server.url, rounds, log)
    return { reads, rounds, ...measured }
  } finally {
    await varnish?.stop()
    await server.stop()
  }
}

export async function sharedCacheScenario(
  database: string,
  workDir: string,
  settings: Settings,
  log: Log,
  rounds: number,
): Promise<SharedCacheResult> {
  const measured = await behindVarnish(database, workDir, settings, log, rounds)
  return { ...measured, baselinePublishMs: await baselinePublishes(database, workDir, rounds, log) }
}

export function sharedCacheTable(result: SharedCacheResult): string {
  const rows = result.reads.map(
    ({ case: name, portal, varnish }) =>
      `| ${name} | ${portal.requestsPerSecond} | ${portal.p99Ms} | ${portal.cpuMsPerRequest ?? '?'} | ` +
      `${varnish.requestsPerSecond} | ${varnish.p99Ms} | ${varnish.cpuMsPerRequest ?? '?'} | ` +
      `${Math.round((varnish.requestsPerSecond / portal.requestsPerSecond) * 100) / 100} |`,
  )
  return [
    '| cached read | portal req/s | p99 ms | portal CPU ms/req | Varnish req/s | p99 ms | portal CPU ms/req | Varnish / portal req/s |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `${result.rounds} publishes, each read at once through Varnish: ${result.staleReads} stale, ` +
      `${result.purgedBeforeAck} found purged (a Varnish miss)`,
    `publish response with purge and webhook p50 ${result.publishMs.p50} ms, p99 ` +
      `${result.publishMs.p99} ms; without either (same run, own server) p50 ` +
      `${result.baselinePublishMs.p50} ms, p99 ${result.baselinePublishMs.p99} ms; ratio of p50 ` +
      `${Math.round((result.publishMs.p50 / result.baselinePublishMs.p50) * 100) / 100}`,
    `webhook arrival after the publish's response: p50 ${result.webhookMs.p50} ms, p99 ` +
      `${result.webhookMs.p99} ms, ${result.webhookMs.missing} missing`,
  ].join('\n')
}
