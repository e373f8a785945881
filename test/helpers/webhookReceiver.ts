import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type ReceivedHook = { headers: Record<string, string>; body: string; path: string }

/** What the receiver does with the next request: answer with a status, or never answer. */
export type Behaviour = number | 'hang'

/**
 * A webhook receiver on 127.0.0.1 (loopback, which the tests allow through
 * WEBHOOK_ALLOWED_NETWORKS): it keeps every request and answers as told, 204 by default.
 */
export async function startWebhookReceiver() {
  const received: ReceivedHook[] = []
  const script: Behaviour[] = []
  const hanging = new Set<http.ServerResponse>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [
            k,
            Array.isArray(v) ? v.join(',') : (v ?? ''),
          ]),
        ),
        body: Buffer.concat(chunks).toString('utf8'),
        path: req.url ?? '/',
      })
      const next = script.shift() ?? 204
      if (next === 'hang') hanging.add(res)
      else res.writeHead(next).end(next >= 300 ? `status ${next}` : '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    /** The answers to the next requests, in order; after them, 204. */
    answer: (...behaviours: Behaviour[]) => script.push(...behaviours),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>
