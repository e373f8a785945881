import type { RouteClass } from './routeClass'
import { currentMetrics } from './state'

const CACHE_RESULTS: Record<string, string> = { HIT: 'hit', MISS: 'miss', BYPASS: 'bypass' }

/** 2xx, 3xx, 4xx, 5xx (anything else, which Node never sends, counts as 5xx). */
export function statusClassOf(status: number): string {
  if (status >= 200 && status < 600) return `${Math.floor(status / 100)}xx`
  return status < 200 ? '1xx' : '5xx'
}

/**
 * Records a finished request: its duration by route class and status class, and what the read
 * cache did with it (from the `X-Cache` header the cache sets; none when it never looked).
 */
export function observeRequest(
  route: RouteClass,
  status: number,
  seconds: number,
  cache: string | undefined,
): void {
  const metrics = currentMetrics()
  if (!metrics) return
  metrics.requestDuration.observe({ route, status: statusClassOf(status) }, seconds)
  const result = cache && CACHE_RESULTS[cache]
  if (result) metrics.cacheRequests.inc({ route, result })
}
