import type { Response } from 'express'
import type { OutgoingHttpHeaders } from 'node:http'

import { isUnstorable } from '@/core/answerStorability'
import { changedSince, currentSequence } from '@/data/changes/changeLog'
import { emptyReadSet, type ReadSet } from '@/data/changes/readSet'

import { NO_STORE, REVALIDATE } from '../cacheControl'
import { etagOf } from '../etag'
import { TAG_HEADERS, tagHeaders } from '../tagHeaders'
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

/** A miss's answer as it is written: its copy so far, and whether it may still be stored. */
type Capture = {
  read: CacheableRead
  cache: ReadCache
  cacheControl: string
  startedAt: number
  reads: ReadSet
  /** Headers set before the handler (security headers, request id) are set again on every response. */
  ours: Set<string>
  chunks: Buffer[]
  size: number
  complete: boolean
  admissible: boolean
  writes: number
}

/** Keeps a copy of a chunk written, unless the answer outgrew the budget. */
function keep(capture: Capture, chunk: unknown, encoding?: unknown): void {
  if (!capture.complete || chunk === undefined || chunk === null || typeof chunk === 'function')
    return
  const buffer = toBuffer(chunk as Chunk, encoding)
  capture.size += buffer.length
  if (capture.size > capture.cache.maxBytes) {
    capture.complete = false
    capture.chunks.length = 0
  } else capture.chunks.push(buffer)
}

/**
 * Decides, as the headers are about to leave, whether the answer may be stored, and gives it the
 * headers a stored answer goes out with (or no-store, when a change raced the request).
 */
function settleHeaders(capture: Capture, res: Response, statusCode: number): void {
  const { read } = capture
  const raced = changedSince(capture.startedAt, capture.reads)
  capture.admissible =
    capture.complete &&
    statusCode === 200 &&
    !isUnstorable(res) &&
    !res.hasHeader('set-cookie') &&
    varyOf(res, read) !== null &&
    !raced
  if (capture.admissible) {
    const vary = varyOf(res, read)!
    if (vary.length > 0) res.setHeader('Vary', vary.join(', '))
    if (capture.writes === 0) {
      // The whole body went in one call: its ETag, and its tags (it has read all it will), go
      // with it.
      res.setHeader('Cache-Control', capture.cacheControl)
      res.setHeader('ETag', etagOf(Buffer.concat(capture.chunks)))
      for (const [name, value] of tagHeaders(capture.reads)) res.setHeader(name, value)
    } else {
      // A streamed answer (a page) may still read after its headers leave, so its tags are not
      // known yet: shared caches must not keep it, since no purge could reach it. They keep the
      // next one, a hit, which carries them.
      res.setHeader('Cache-Control', REVALIDATE)
    }
  } else if (raced) res.setHeader('Cache-Control', NO_STORE)
}

function interceptWriteHead(res: Response, capture: Capture): void {
  const writeHead = res.writeHead as (...args: unknown[]) => Response
  // Node calls writeHead for implicit headers too (first write, end), so this sees every answer
  // before its headers leave, and can still replace the handler's Cache-Control.
  res.writeHead = function (this: Response, statusCode: number, ...rest: unknown[]) {
    const message = typeof rest[0] === 'string' ? rest[0] : undefined
    const given = (message === undefined ? rest[0] : rest[1]) as OutgoingHttpHeaders | undefined
    if (Array.isArray(given)) capture.complete = false
    else if (given) {
      for (const [name, value] of Object.entries(given))
        if (value !== undefined) this.setHeader(name, value)
    }
    settleHeaders(capture, this, statusCode)
    if (Array.isArray(given)) return writeHead.call(this, statusCode, ...rest)
    return message === undefined
      ? writeHead.call(this, statusCode)
      : writeHead.call(this, statusCode, message)
  } as typeof res.writeHead
}

function interceptBody(res: Response, capture: Capture): void {
  const write = res.write
  res.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    capture.writes += 1
    keep(capture, chunk, rest[0])
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest)
  } as typeof res.write

  const end = res.end
  res.end = function (this: Response, chunk?: unknown, ...rest: unknown[]) {
    keep(capture, chunk, rest[0])
    return (end as (...args: unknown[]) => Response).call(this, chunk, ...rest)
  } as typeof res.end
}

/** Stores a complete answer that was admissible when its headers left. */
function store(res: Response, capture: Capture): void {
  const { read } = capture
  if (!capture.admissible || !capture.complete || res.statusCode !== 200) return
  const vary = varyOf(res, read)
  if (!vary) return
  const headers: [string, string][] = []
  for (const name of res.getHeaderNames()) {
    const value = res.getHeader(name)
    const tag = (TAG_HEADERS as readonly string[]).includes(name)
    if (value !== undefined && !tag && !capture.ours.has(name) && storable(name))
      headers.push([name, headerText(value)])
  }
  // What it read, complete now that it has ended: every hit carries these tags.
  headers.push(...tagHeaders(capture.reads))
  const body = Buffer.concat(capture.chunks)
  const entry = {
    headers,
    body,
    etag: etagOf(body),
    vary: vary.map((name): [string, string] => [name, read.header(name)]),
    reads: capture.reads,
  }
  capture.cache.admit(read.key, entry, capture.startedAt)
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
  const capture: Capture = {
    read,
    cache,
    cacheControl,
    startedAt: currentSequence(),
    reads: emptyReadSet(),
    ours: new Set(res.getHeaderNames()),
    chunks: [],
    size: 0,
    complete: true,
    admissible: false,
    writes: 0,
  }
  interceptWriteHead(res, capture)
  interceptBody(res, capture)
  // 'finish' only follows a complete answer; an aborted one ends with 'close' alone.
  res.once('finish', () => store(res, capture))
  return capture.reads
}
