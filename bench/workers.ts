/**
 * A server with several workers (WEB_CONCURRENCY, src/process/cluster/supervisor.ts) as the
 * benchmark talks to it: requests on connections of their own (the supervisor hands each new
 * connection to the next worker in turn), which worker answered, and a wait until every worker is
 * ready. Their CPU and memory: bench/processTree.ts.
 */
import http from 'node:http'

export type FreshAnswer = { status: number; body: string; xCache: string | null }

/**
 * One request on a connection of its own (no keep-alive): with several workers, consecutive
 * requests go to the workers in turn.
 */
export function freshRequest(
  url: string,
  request: { method: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<FreshAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url + request.path,
      { method: request.method, headers: request.headers, agent: false },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => {
          const xCache = res.headers['x-cache']
          resolve({ status: res.statusCode ?? 0, body, xCache: xCache ? String(xCache) : null })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(request.body)
  })
}

type Replica = { pid: number; bus: string; search: string }

/** Which worker answers the next fresh connection, from /readyz (null when it is not ready). */
export async function readyReplica(url: string): Promise<Replica | null> {
  const answer = await freshRequest(url, { method: 'GET', path: '/readyz' }).catch(() => null)
  if (answer?.status !== 200) return null
  const ready = JSON.parse(answer.body) as {
    replica?: { pid: number; bus: string }
    search?: { state?: string }
  }
  if (!ready.replica) return null
  return { ...ready.replica, search: ready.search?.state ?? 'unknown' }
}

/**
 * Polls /readyz on fresh connections until `workers` different processes have answered with
 * their search index ready (or off), so that no index build shares the CPU with a measurement.
 */
export async function waitForWorkers(
  url: string,
  workers: number,
  timeoutMs = 300_000,
): Promise<Replica[]> {
  const deadline = Date.now() + timeoutMs
  const seen = new Map<number, Replica>()
  const done = () =>
    seen.size >= workers && [...seen.values()].every((r) => ['ready', 'off'].includes(r.search))
  while (!done()) {
    if (Date.now() > deadline)
      throw new Error(
        `${workers} workers at ${url} were not ready within ${timeoutMs / 1000} s: ` +
          JSON.stringify([...seen.values()]),
      )
    const replica = await readyReplica(url)
    if (replica) seen.set(replica.pid, replica)
    if (!done()) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return [...seen.values()]
}
