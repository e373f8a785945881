import { nonNegativeInt, positiveInt, type Source } from './parse'

/**
 * Limits per client (src/operations/rateLimiterStore.ts, src/edge/admission.ts, docs/limits.md):
 * one address or account over its own limit gets a 429. How busy the process is, is admission by
 * load's question (./admission.ts), not these. 0 turns one off.
 */
export type RateLimitSettings = {
  /** Anonymous writes (logins, resets, public forms other than the signature flow's) per address. */
  publicWritesPerMinute: number
  /**
   * Anonymous requests the read cache cannot answer, per client address: the ceiling, high enough
   * for a hundred people browsing behind one office address.
   */
  uncachedPerMinute: number
  /** Extra uncached requests a client address may make once per minute. */
  uncachedBurst: number
  /**
   * An address's share of uncached requests a minute: past it, not refused, but the first to wait
   * and to be refused while the process is saturated.
   */
  uncachedSharePerMinute: number
  /**
   * Signing forms handed out per client address, cache hits included: each costs a stamp and a
   * challenge (five times an ordinary hit), so one client's flood of them is bounded.
   */
  signingFormsPerMinute: number
  /** Extra signing forms a client address may fetch once per minute. */
  signingFormsBurst: number
  /** Requests past the cache per logged-in user (keyed by user, not address). */
  userPerMinute: number
  /** Seconds between two password resets asked for the same address. */
  passwordResetSeconds: number
}

export function readRateLimits(source: Source, problems: string[]): RateLimitSettings {
  const perMinute = (name: string, fallback: number) =>
    nonNegativeInt(source, name, fallback, problems)
  return {
    publicWritesPerMinute: perMinute('RATE_LIMIT_PUBLIC_WRITES_PER_MINUTE', 20),
    uncachedPerMinute: perMinute('RATE_LIMIT_UNCACHED_PER_MINUTE', 1800),
    uncachedBurst: perMinute('RATE_LIMIT_UNCACHED_BURST', 600),
    uncachedSharePerMinute: perMinute('RATE_LIMIT_UNCACHED_SHARE_PER_MINUTE', 600),
    signingFormsPerMinute: perMinute('RATE_LIMIT_SIGNING_FORMS_PER_MINUTE', 1800),
    signingFormsBurst: perMinute('RATE_LIMIT_SIGNING_FORMS_BURST', 600),
    userPerMinute: perMinute('RATE_LIMIT_USER_PER_MINUTE', 1200),
    passwordResetSeconds: positiveInt(source, 'PASSWORD_RESET_INTERVAL_SECONDS', 15, problems),
  }
}
