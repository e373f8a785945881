/**
 * The Cache-Control of every response the read cache serves or stores. By default browsers and
 * CDNs may keep it but must ask again each time (cheap: a 304 when the ETag still matches), so
 * nothing downstream is ever stale. With `sharedMaxAge` (READ_CACHE_SHARED_MAX_AGE) shared caches
 * serve it without asking for that many seconds, and as long again while they revalidate in the
 * background: operators who choose it accept that a change reaches visitors up to twice that late
 * (docs/caching.md).
 */
export function cacheControl(sharedMaxAge: number): string {
  if (sharedMaxAge <= 0) return REVALIDATE
  return `public, max-age=0, s-maxage=${sharedMaxAge}, stale-while-revalidate=${sharedMaxAge}`
}

/** Anyone may keep it, but must ask again before each use. */
export const REVALIDATE = 'public, no-cache'

/** For an eligible response that raced a write: its content may be stale, so no one keeps it. */
export const NO_STORE = 'no-store'
