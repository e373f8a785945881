import type { RouteClass } from './routeClass'
import { currentMetrics } from './state'

const CACHE_RESULTS: Record<string, string> = { HIT: 'hit', MISS: 'miss', BYPASS: 'bypass' }

/**
 * Records a finished request: its duration by route class and status class, and what the read
 * cache did with it (from the `X-Cache` header the cache sets; none when it never looked).
 */
export function observeRequest(
  route: RouteClass,
  status: string,
  seconds: number,
  cache: string | undefined,
): void {
  const metrics = currentMetrics()
  if (!metrics) return
  metrics.requestDuration.observe({ route, status }, seconds)
  const result = cache && CACHE_RESULTS[cache]
  if (result) metrics.cacheRequests.inc({ route, result })
}
