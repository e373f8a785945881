import type { Request, Response } from 'express'

import type { CachedResponse } from '@/readCache/entry'
import { matchesIfNoneMatch } from '@/readCache/etag'

export type CacheStatus = 'HIT' | 'MISS' | 'BYPASS'

/**
 * Response headers never stored: per-response ones (the cache sets Cache-Control, ETag and
 * X-Cache itself; Node sets Date and the framing), and cookies, which no stored response has.
 */
const NOT_STORED = new Set([
  'cache-control',
  'connection',
  'content-length',
  'date',
  'etag',
  'keep-alive',
  'set-cookie',
  'transfer-encoding',
  'x-cache',
])

export const storable = (name: string): boolean => !NOT_STORED.has(name.toLowerCase())

/** The header names a `Vary` value lists, lower case; null for `Vary: *` (varies on anything). */
export function varyNames(value: string | undefined): string[] | null {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean)
  return names.includes('*') ? null : [...new Set(names)]
}

/**
 * Sends a cached (or just admitted) response: 304 without a body when the client's
 * `If-None-Match` names its ETag, else the stored headers and body (Node leaves the body out for
 * HEAD).
 */
export function sendStored(
  req: Request,
  res: Response,
  entry: Pick<CachedResponse, 'headers' | 'body' | 'etag'>,
  cacheControl: string,
  status: CacheStatus,
): void {
  res.setHeader('X-Cache', status)
  res.setHeader('ETag', entry.etag)
  res.setHeader('Cache-Control', cacheControl)
  const ifNoneMatch = req.headers['if-none-match']
  if (ifNoneMatch && matchesIfNoneMatch(ifNoneMatch, entry.etag)) {
    const vary = entry.headers.find(([name]) => name === 'vary')
    if (vary) res.setHeader('Vary', vary[1])
    res.status(304).end()
    return
  }
  for (const [name, value] of entry.headers) res.setHeader(name, value)
  res.setHeader('Content-Length', entry.body.length)
  res.status(200).end(entry.body)
}
