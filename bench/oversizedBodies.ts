/**
 * Oversized request bodies, as a hostile client sends them: many at once, each far larger than
 * any limit, with a declared length or chunked, anonymous or with a junk credential (which once
 * sent a body past every limit). What the server answered, and whether it lived.
 */
import http from 'node:http'

export type BodyAttack = {
  name: string
  /** Concurrent requests. */
  count: number
  /** Bytes each request tries to send. */
  bytes: number
  declared: boolean
  headers: Record<string, string>
}

export type BodyAttackResult = {
  name: string
  statuses: Record<string, number>
  /** Megabytes the clients got to send before the server answered or closed. */
  sentMb: number
}

const CHUNK = Buffer.alloc(1024 * 1024, 'x')

/** One request that keeps writing until it is answered, cut off, or has sent everything. */
function oneBody(url: URL, attack: BodyAttack): Promise<{ status: string; sent: number }> {
  return new Promise((resolve) => {
    let sent = 0
    let done = false
    const finish = (status: string) => {
      if (done) return
      done = true
      request.destroy()
      resolve({ status, sent })
    }
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: '/api/news',
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(attack.declared ? { 'Content-Length': String(attack.bytes) } : {}),
          ...attack.headers,
        },
      },
      (response) => {
        response.resume()
        finish(String(response.statusCode))
      },
    )
    request.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? 'error'))
    const write = () => {
      if (done) return
      if (sent >= attack.bytes) {
        if (!attack.declared) request.end()
        return
      }
      sent += CHUNK.length
      request.write(CHUNK, () => setImmediate(write))
    }
    write()
    setTimeout(() => finish('timeout'), 60_000).unref()
  })
}

export async function sendOversizedBodies(
  baseUrl: string,
  attack: BodyAttack,
): Promise<BodyAttackResult> {
  const url = new URL(baseUrl)
  const outcomes = await Promise.all(
    Array.from({ length: attack.count }, () => oneBody(url, attack)),
  )
  const statuses: Record<string, number> = {}
  for (const { status } of outcomes) statuses[status] = (statuses[status] ?? 0) + 1
  const sentMb = Math.round(outcomes.reduce((sum, o) => sum + o.sent, 0) / CHUNK.length)
  return { name: attack.name, statuses, sentMb }
}

/** The attacks of the body scenario: 10 concurrent 100 MB bodies, in four variants. */
export const oversizedBodyAttacks = (count = 10, bytes = 100 * 1024 * 1024): BodyAttack[] => [
  { name: 'declared, anonymous', count, bytes, declared: true, headers: {} },
  { name: 'chunked, anonymous', count, bytes, declared: false, headers: {} },
  {
    name: 'declared, junk credential',
    count,
    bytes,
    declared: true,
    headers: { Authorization: 'JWT junk.junk.junk' },
  },
  {
    name: 'chunked, junk credential',
    count,
    bytes,
    declared: false,
    headers: { Authorization: 'JWT junk.junk.junk', Cookie: 'payload-token=junk' },
  },
]
