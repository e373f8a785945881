import { BurstyRateLimiter, RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible'
import { processSingleton } from '@/core/processSingleton'

/** What every call site needs of a limit: take a point for a key, or learn when to come back. */
export type Limit = {
  /** Resolves when `key` may go on; rejects with the wait (`RateLimitedError`) when it may not. */
  take(key: string): Promise<void>
}

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds} s`)
    this.name = 'RateLimitedError'
  }
}

export type LimitSpec = {
  /** Requests allowed per window, per key. */
  points: number
  /** The window in seconds. */
  seconds: number
  /** Extra requests allowed once per window on top (a real visitor's first page and its prefetches). */
  burst?: number
}

const limiters = () => processSingleton('rate-limits', () => new Map<string, Limit>())

/**
 * The store behind every limit: rate-limiter-flexible in memory, in this process. Its Redis
 * limiter has the same interface, so moving the limits to a shared store (several processes)
 * changes this function only, never a call site.
 */
function create(name: string, spec: LimitSpec): Limit {
  const sustained = new RateLimiterMemory({
    keyPrefix: name,
    points: spec.points,
    duration: spec.seconds,
  })
  const limiter = spec.burst
    ? new BurstyRateLimiter(
        sustained,
        new RateLimiterMemory({
          keyPrefix: `${name}-burst`,
          points: spec.burst,
          duration: spec.seconds,
        }),
      )
    : sustained
  return {
    async take(key) {
      try {
        await limiter.consume(key)
      } catch (rejection) {
        if (rejection instanceof Error) throw rejection
        const wait = (rejection as RateLimiterRes).msBeforeNext
        throw new RateLimitedError(Math.max(1, Math.ceil(wait / 1000)))
      }
    },
  }
}

/**
 * The limiter called `name`, made once per process and shared through globalThis: Payload's hooks
 * run in Next's module world, the edge in the server's, and both must count in one bucket.
 * The spec of the first caller wins (a limit is configured once, from the environment).
 */
function shared<T extends Limit>(name: string, make: () => T): T {
  let limiter = limiters().get(name) as T | undefined
  if (!limiter) {
    limiter = make()
    limiters().set(name, limiter)
  }
  return limiter
}

/** The limit called `name`, shared by both module worlds (see `shared`). */
export const sharedLimit = (name: string, spec: LimitSpec): Limit =>
  shared(name, () => create(name, spec))

/** Forgets every limit (tests that set their own specs). */
export function resetLimits(): void {
  limiters().clear()
}
