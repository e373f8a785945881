import type { Response } from 'express'
import type { OutgoingHttpHeaders } from 'node:http'

import { isUnstorable } from '@/core/answerStorability'
import { changedSince, currentSequence } from '@/data/changes/changeLog'
import { emptyReadSet, type ReadSet } from '@/data/changes/readSet'

import { NO_STORE } from '../cacheControl'
import { etagOf } from '../etag'
import type { ReadCache } from '../store'
import type { CacheableRead } from './reads'
import { storable, varyNames } from './send'

type Chunk = string | Buffer | Uint8Array

const toBuffer = (chunk: Chunk, encoding?: unknown): Buffer =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
    : Buffer.from(chunk)

const headerText = (value: number | string | string[]) =>
  Array.isArray(value) ? value.join(', ') : String(value)

/** The `Vary` an answer is stored under: what it declares, and what it always varies on. */
function varyOf(res: Response, read: CacheableRead): string[] | null {
  const declared = headerText(res.getHeader('vary') ?? '')
  return varyNames([declared, ...read.alwaysVary].filter(Boolean).join(', '))
}

/**
 * Lets a miss's answer go out as the handler writes it (Next streams pages) while a copy is kept,
 * and stores it when it ends: a complete 200 without cookies, not marked unstorable by its
 * handler, within the budget, and touched by no change since the request started. Returns the
 * read set the handler's reads go into.
 */
export function captureAnswer(
  res: Response,
  read: CacheableRead,
  cache: ReadCache,
  cacheControl: string,
): ReadSet {
  const startedAt = currentSequence()
  const reads = emptyReadSet()
  // Headers set before the handler (security headers, request id) are set again on every response.
  const ours = new Set(res.getHeaderNames())
  const chunks: Buffer[] = []
  let size = 0
  let complete = true
  let admissible = false
  let writes = 0
  const keep = (chunk: unknown, encoding?: unknown) => {
    if (!complete || chunk === undefined || chunk === null || typeof chunk === 'function') return
    const buffer = toBuffer(chunk as Chunk, encoding)
    size += buffer.length
    if (size > cache.maxBytes) {
      complete = false
      chunks.length = 0
    } else chunks.push(buffer)
  }

  const writeHead = res.writeHead as (...args: unknown[]) => Response
  // Node calls writeHead for implicit headers too (first write, end), so this sees every answer
  // before its headers leave, and can still replace the handler's Cache-Control.
  res.writeHead = function (this: Response, statusCode: number, ...rest: unknown[]) {
    const message = typeof rest[0] === 'string' ? rest[0] : undefined
    const given = (message === undefined ? rest[0] : rest[1]) as OutgoingHttpHeaders | undefined
    if (Array.isArray(given)) complete = false
    else if (given) {
      for (const [name, value] of Object.entries(given))
        if (value !== undefined) this.setHeader(name, value)
    }
    const raced = changedSince(startedAt, reads)
    admissible =
      complete &&
      statusCode === 200 &&
      !isUnstorable(this) &&
      !this.hasHeader('set-cookie') &&
      varyOf(this, read) !== null &&
      !raced
    if (admissible) {
      this.setHeader('Cache-Control', cacheControl)
      const vary = varyOf(this, read)!
      if (vary.length > 0) this.setHeader('Vary', vary.join(', '))
      // The whole body went in one call: its ETag can go with it.
      if (writes === 0) this.setHeader('ETag', etagOf(Buffer.concat(chunks)))
    } else if (raced) this.setHeader('Cache-Control', NO_STORE)
    if (Array.isArray(given)) return writeHead.call(this, statusCode, ...rest)
    return message === undefined
      ? writeHead.call(this, statusCode)
      : writeHead.call(this, statusCode, message)
  } as typeof res.writeHead

  const write = res.write
  res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    writes += 1
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
    const vary = varyOf(res, read)
    if (!vary) return
    const headers: [string, string][] = []
    for (const name of res.getHeaderNames()) {
      const value = res.getHeader(name)
      if (value !== undefined && !ours.has(name) && storable(name))
        headers.push([name, headerText(value)])
    }
    const body = Buffer.concat(chunks)
    const entry = {
      headers,
      body,
      etag: etagOf(body),
      vary: vary.map((name): [string, string] => [name, read.header(name)]),
      reads,
    }
    cache.admit(read.key, entry, startedAt)
  })
  return reads
}
