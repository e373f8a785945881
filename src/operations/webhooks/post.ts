import http from 'node:http'
import https from 'node:https'
import type { LookupFunction } from 'node:net'

import type { ResolvedAddress } from './receiverAddress'

export type PostResult = { status: number; durationMs: number; answer: string }

/** How much of a receiver's answer is kept for the delivery log; the rest is not even read. */
const ANSWER_KEPT_BYTES = 1024

/**
 * A lookup that always answers with the checked address: Node connects wherever `lookup` says,
 * while the URL's host name stays the `Host` header and, over TLS, the name the certificate must
 * carry (SNI). Node asks for one address or, when it tries both families, for a list.
 */
function pinnedLookup({ address, family }: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) {
      ;(callback as unknown as (e: null, list: ResolvedAddress[]) => void)(null, [
        { address, family },
      ])
    } else callback(null, address, family)
  }
}

/**
 * POSTs one delivery's body to `url`, connecting to `pinned` only. A redirect is an answer like
 * any other (never followed: it could lead anywhere); the whole exchange must end within
 * `timeoutMs`, so a slow receiver costs this delivery alone and never a writer.
 */
export function postDelivery(
  url: URL,
  pinned: ResolvedAddress,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostResult> {
  const started = performance.now()
  const transport = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        lookup: pinnedLookup(pinned),
        agent: false,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'initiative-portal-webhooks/1',
        },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        const kept: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          if (size < ANSWER_KEPT_BYTES) kept.push(chunk.subarray(0, ANSWER_KEPT_BYTES - size))
          size += chunk.length
          if (size >= ANSWER_KEPT_BYTES) response.destroy()
        })
        const done = () =>
          resolve({
            status: response.statusCode ?? 0,
            durationMs: Math.round(performance.now() - started),
            answer: Buffer.concat(kept).toString('utf8'),
          })
        response.on('end', done)
        response.on('close', done)
        response.on('error', () => done())
      },
    )
    request.on('error', (error) =>
      reject(
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? new Error(`no answer within ${timeoutMs} ms`)
          : error,
      ),
    )
    request.end(body)
  })
}
