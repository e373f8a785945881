import type { NextFunction, Request, Response } from 'express'
import type { OutgoingHttpHeaders } from 'node:http'

import { etagOf } from '@/readCache/etag'
import { pageRead } from '@/readCache/pageRequest'
import { attributeReads } from '@/data/changes/readAttribution'
import { emptyReadSet } from '@/data/changes/readSet'
import { changedSince, currentSequence } from '@/data/changes/changeLog'
import { pageHeaders } from '@/readCache/varyingHeaders'

import { identityOf } from '../../edge/identity'

import type { ReadCacheContext } from './context'
import { headerOf } from './requestParts'
import { sendStored, storable, varyNames } from './send'

type Chunk = string | Buffer | Uint8Array

const toBuffer = (chunk: Chunk, encoding?: unknown): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
    : Buffer.from(chunk)

const headerText = (value: number | string | string[]) =>
  Array.isArray(value) ? value.join(', ') : String(value)

/**
 * Anonymous GETs of the public portal's pages. A hit is answered here; a miss goes to Next, whose
 * streamed answer passes through unchanged while a copy is kept, and is stored when it ends if it
 * is a 200 without cookies and no write happened since the request started.
 */
export async function servePage(
  req: Request,
  res: Response,
  next: NextFunction,
  context: ReadCacheContext,
): Promise<void> {
  const bypass = () => {
    res.setHeader('X-Cache', 'BYPASS')
    next()
  }
  // A page shows drafts only in Next's draft mode; a login alone changes nothing on it.
  if (identityOf(req).draftMode) return bypass()
  // A copy: Next deletes request headers it has read (RSC), and the `Vary` values stored at the
  // end must be the ones that came in.
  const header = pageHeaders(headerOf({ ...req.headers }))
  const read = pageRead(req.originalUrl, header)
  if (!read.cacheable) return bypass()

  const cache = context.caches[read.partition]
  let hit = cache.lookup(read.key, header)
  // A HEAD answer has no body to keep, so it neither leads nor waits.
  const flightKey = `${read.partition}:${read.key}`
  let endFlight = hit || req.method === 'HEAD' ? null : context.flights.lead(flightKey)
  if (!hit && !endFlight && req.method !== 'HEAD') {
    // Another request is rendering this page: wait for it rather than render it again.
    await context.flights.follow(flightKey)
    hit = cache.lookup(read.key, header)
    if (!hit) endFlight = context.flights.lead(flightKey)
  }
  if (hit) return sendStored(req, res, hit, context.cacheControl, 'HIT')
  res.setHeader('X-Cache', 'MISS')
  if (req.method === 'HEAD') return next()
  // Also when the answer is cut off: followers must not wait for an answer that never comes.
  if (endFlight) res.once('close', endFlight)

  const startedAt = currentSequence()
  const reads = emptyReadSet()
  // Headers set before Next (security headers, request id) are set again on every response.
  const ours = new Set(res.getHeaderNames())
  const chunks: Buffer[] = []
  let size = 0
  let complete = true
  let admissible = false
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (!complete || chunk === undefined || chunk === null || typeof chunk === 'function') return
    const buffer = toBuffer(chunk as Chunk, encoding)
    size += buffer.length
    if (size > context.caches[read.partition].maxBytes) {
      complete = false
      chunks.length = 0
    } else chunks.push(buffer)
  }

  const writeHead = res.writeHead as (...args: unknown[]) => Response
  // Node calls writeHead for implicit headers too (first write, end), so this sees every answer
  // before its headers leave, and can still replace Next's `private, no-store`.
  res.writeHead = function (this: Response, statusCode: number, ...rest: unknown[]) {
    const message = typeof rest[0] === 'string' ? rest[0] : undefined
    const given = (message === undefined ? rest[0] : rest[1]) as OutgoingHttpHeaders | undefined
    if (Array.isArray(given)) {
      complete = false
    } else if (given) {
      for (const [name, value] of Object.entries(given)) {
        if (value !== undefined) this.setHeader(name, value)
      }
    }
    admissible =
      complete &&
      statusCode === 200 &&
      !this.hasHeader('set-cookie') &&
      varyNames(headerText(this.getHeader('vary') ?? '')) !== null &&
      !changedSince(startedAt, reads)
    if (admissible) this.setHeader('Cache-Control', context.cacheControl)
    if (Array.isArray(given)) return writeHead.call(this, statusCode, ...rest)
    return message === undefined
      ? writeHead.call(this, statusCode)
      : writeHead.call(this, statusCode, message)
  } as typeof res.writeHead

  const write = res.write
  res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0])
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest)
  } as typeof res.write

  const end = res.end
  res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0])
    return (end as (...args: unknown[]) => Response).call(this, chunk, ...rest)
  } as typeof res.end

  // 'finish' only follows a complete answer; an aborted one ends with 'close' alone.
  res.once('finish', () => {
    if (!admissible || !complete || res.statusCode !== 200) return
    const vary = varyNames(headerText(res.getHeader('vary') ?? ''))
    if (!vary) return
    const headers: [string, string][] = []
    for (const name of res.getHeaderNames()) {
      const value = res.getHeader(name)
      if (value !== undefined && !ours.has(name) && storable(name)) {
        headers.push([name, headerText(value)])
      }
    }
    const body = Buffer.concat(chunks)
    context.caches[read.partition].admit(
      read.key,
      {
        headers,
        body,
        etag: etagOf(body),
        vary: vary.map((name): [string, string] => [name, header(name)]),
        reads,
      },
      startedAt,
    )
  })
  // Everything Next does for this request, also after `next` returns, reads into this set.
  attributeReads(reads, () => next())
}
