import type { Redis } from 'ioredis'
import {
  BurstyRateLimiter,
  RateLimiterCluster,
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
  type RateLimiterRes,
} from 'rate-limiter-flexible'
import { processSingleton, processSlot } from '@/core/processSingleton'

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
 * Where the counts live: this process's memory (a lone server), the supervisor's memory (its
 * workers share it over IPC: rate-limiter-flexible's cluster limiter), or Redis (replicas on
 * several hosts). Chosen once at start (src/process/replicas.ts), before any limit is made.
 */
export type LimitStore = { kind: 'memory' } | { kind: 'cluster' } | { kind: 'redis'; client: Redis }

const store = processSlot<LimitStore>('rate-limit-store')

export function chooseLimitStore(chosen: LimitStore): void {
  store.set(chosen)
  limiters().clear()
}

/** How long a shared store may take to answer before the process counts on its own. */
const SHARED_STORE_TIMEOUT_MS = 500

type Window = { keyPrefix: string; points: number; duration: number }

function limiterIn(window: Window): RateLimiterAbstract {
  const chosen = store.get() ?? { kind: 'memory' }
  if (chosen.kind === 'cluster') {
    return new RateLimiterCluster({ ...window, timeoutMs: SHARED_STORE_TIMEOUT_MS })
  }
  if (chosen.kind === 'redis') {
    return new RateLimiterRedis({
      ...window,
      storeClient: chosen.client,
      keyPrefix: `initiative-portal:limit:${window.keyPrefix}`,
      // While Redis is away, each process counts on its own rather than refusing or failing.
      insuranceLimiter: new RateLimiterMemory(window),
    })
  }
  return new RateLimiterMemory(window)
}

/**
 * A limiter that counts in this process's memory when the shared store does not answer (the
 * supervisor's IPC timed out): a visitor is neither refused nor answered with an error because a
 * store is slow; the limit then holds per process until the store is back.
 */
function withFallback(shared: RateLimiterAbstract, window: Window) {
  const local = new RateLimiterMemory(window)
  return {
    consume: (key: string) =>
      shared.consume(key).catch((rejection: unknown) => {
        if (rejection instanceof Error) return local.consume(key)
        throw rejection
      }),
  }
}

/**
 * The store behind every limit: rate-limiter-flexible, whose memory, cluster and Redis limiters
 * have one interface, so the store chosen at start changes this function only, never a call site.
 */
function create(name: string, spec: LimitSpec): Limit {
  const window = (keyPrefix: string, points: number) => ({
    keyPrefix,
    points,
    duration: spec.seconds,
  })
  const sustained = limiterIn(window(name, spec.points))
  const limiter = spec.burst
    ? new BurstyRateLimiter(sustained, limiterIn(window(`${name}-burst`, spec.burst)))
    : sustained
  const counted =
    (store.get()?.kind ?? 'memory') === 'memory'
      ? limiter
      : withFallback(limiter as unknown as RateLimiterAbstract, window(name, spec.points))
  return {
    async take(key) {
      try {
        await counted.consume(key)
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
