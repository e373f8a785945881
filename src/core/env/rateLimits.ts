import { nonNegativeInt, positiveInt, type Source } from './parse'

/** Rate limits (src/operations/rateLimiterStore.ts, src/edge/rateLimits.ts, docs/limits.md); 0 turns one off. */
export type RateLimitSettings = {
  /** Anonymous writes (logins, resets, every public form) per client address. */
  publicWritesPerMinute: number
  /** Anonymous writes per second from all addresses together: a flood from many addresses. */
  publicWritesTotalPerSecond: number
  /** Anonymous requests the read cache cannot answer, per client address. */
  uncachedPerMinute: number
  /** Extra uncached requests a client address may make once per minute. */
  uncachedBurst: number
  /**
   * Milliseconds per second that anonymous uncached requests from all addresses together may
   * take to answer (a share of the one JavaScript thread's time).
   */
  uncachedBudgetMsPerSecond: number
  /** Requests past the cache per logged-in user (keyed by user, not address). */
  userPerMinute: number
  /** Seconds between two password resets asked for the same address. */
  passwordResetSeconds: number
}

export function readRateLimits(source: Source, problems: string[]): RateLimitSettings {
  return {
    publicWritesPerMinute: nonNegativeInt(
      source,
      'RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE',
      20,
      problems,
    ),
    publicWritesTotalPerSecond: nonNegativeInt(
      source,
      'RATE_LIMIT_PUBLIC_WRITES_TOTAL_PER_SECOND',
      5,
      problems,
    ),
    uncachedPerMinute: nonNegativeInt(source, 'RATE_LIMIT_UNCACHED_PER_MINUTE', 60, problems),
    uncachedBurst: nonNegativeInt(source, 'RATE_LIMIT_UNCACHED_BURST', 60, problems),
    uncachedBudgetMsPerSecond: nonNegativeInt(
      source,
      'RATE_LIMIT_UNCACHED_BUDGET_MS_PER_SECOND',
      300,
      problems,
    ),
    userPerMinute: nonNegativeInt(source, 'RATE_LIMIT_USER_PER_MINUTE', 1200, problems),
    passwordResetSeconds: positiveInt(source, 'PASSWORD_RESET_INTERVAL_SECONDS', 15, problems),
  }
}
