import type { NextFunction, Request, Response } from 'express'

import { attributeReads } from '@/data/changes/readAttribution'

import { cacheControl } from '../cacheControl'
import { Flights } from '../flights'
import { ReadCache } from '../store'
import { captureAnswer } from './capture'
import { cacheableRead } from './reads'
import { Repeats } from './repeats'
import { sendStored } from './send'

export type ReadCacheOptions = {
  /** READ_CACHE_MAX_BYTES (more than 0: at 0 the server mounts no cache at all). */
  maxBytes: number
  /** READ_CACHE_SHARED_MAX_AGE, seconds. */
  sharedMaxAge: number
  /** Cache the public pages too. Off in development, where Next recompiles them as code changes. */
  pages: boolean
  /** The origins CORS allows (Payload's `cors`): any other is answered as if it sent none. */
  allowedOrigins: readonly string[]
}

/**
 * How long a miss waits for another request's render of the same answer before it renders
 * itself: longer than a page takes on a busy server, short enough that a render that hangs
 * delays others only this much.
 */
const FOLLOW_AT_MOST_MS = 3_000

/** Search answers' share of the budget: every query is new, and pages must keep their room. */
const searchBudget = (maxBytes: number) => Math.floor(maxBytes / 16)

/**
 * The anonymous read cache (docs/caching.md), for GraphQL reads at /api/graphql and the public
 * pages alike: a hit is answered here; a miss goes on to its handler (the GraphQL endpoint or
 * Next), whose answer is captured as it goes out and stored if it may be. Concurrent misses for
 * one key wait for one render. Every response that passes says what the cache did in `X-Cache`.
 * Its `repeats` answer a request the front has seen pass before (src/edge/front.ts).
 */
export function readCache(options: ReadCacheOptions): {
  serve: (req: Request, res: Response, next: NextFunction) => Promise<void>
  repeats: Repeats
} {
  const caches = {
    main: new ReadCache(options.maxBytes - searchBudget(options.maxBytes)),
    search: new ReadCache(searchBudget(options.maxBytes), 'search'),
  }
  const flights = new Flights(FOLLOW_AT_MOST_MS)
  const control = cacheControl(options.sharedMaxAge)
  const repeats = new Repeats(caches, control)
  const serve = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const read = cacheableRead(req, options)
    if (!read) {
      res.setHeader('X-Cache', 'BYPASS')
      return next()
    }
    repeats.learn(req, read)
    const cache = caches[read.partition]
    const flightKey = `${read.partition}:${read.key}`
    // A HEAD answer has no body to keep, so it neither leads nor waits.
    const head = req.method === 'HEAD'
    let hit = cache.lookup(read.key, read.header)
    let endFlight = hit || head ? null : flights.lead(flightKey)
    if (!hit && !endFlight && !head) {
      // Another request is computing this answer: wait for it rather than compute it again.
      await flights.follow(flightKey)
      hit = cache.lookup(read.key, read.header)
      if (!hit) endFlight = flights.lead(flightKey)
    }
    if (hit) return sendStored(req, res, hit, control, 'HIT')
    res.setHeader('X-Cache', 'MISS')
    if (head) return next()
    // Also when the answer is cut off: followers must not wait for an answer that never comes.
    if (endFlight) res.once('close', endFlight)
    const reads = captureAnswer(res, read, cache, control)
    // Everything the handler does for this request, also after `next` returns, reads into this set.
    attributeReads(reads, () => next())
  }
  return { serve, repeats }
}
