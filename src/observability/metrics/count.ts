/**
 * The counting calls the rest of the portal makes: one line at the place where a thing happens.
 * Each is a no-op while metrics are off (src/observability/metrics/state.ts), and none takes a value a client
 * chose as a label.
 */
import { currentMetrics } from './state'

export type RefusedBy =
  'body_size' | 'body_budget' | 'body_type' | 'rate' | 'load' | 'graphql_cost' | 'url' | 'method'

/** A request refused by a limit; `rule` names which one (a GraphQL limit, a rate limit's scope). */
export function countRefusal(limit: RefusedBy, rule: string = limit): void {
  currentMetrics()?.refusals.inc({ limit, rule })
}

export function countCacheStore(): void {
  currentMetrics()?.cacheStores.inc()
}

export function countCacheEviction(): void {
  currentMetrics()?.cacheEvictions.inc()
}

/** `cause`: the collection or global whose write emptied the cache, or `search-index`. */
export function countInvalidation(cause: string): void {
  currentMetrics()?.cacheInvalidations.inc({ cause })
}

/**
 * Call when a write starts waiting for the SQLite writer; call what it returns when its turn
 * comes. Without metrics both are free.
 */
export function writerWaitStarted(): () => void {
  const metrics = currentMetrics()
  if (!metrics) return noop
  metrics.writerQueue.inc()
  const stop = metrics.writerWait.startTimer()
  return () => {
    metrics.writerQueue.dec()
    stop()
  }
}

const noop = () => {}

/** Admission by load's state after each change: in flight, waiting, and the adaptive limit. */
export function reportAdmission(state: { inFlight: number; waiting: number; limit: number }): void {
  const metrics = currentMetrics()
  if (!metrics) return
  metrics.admissionInFlight.set(state.inFlight)
  metrics.admissionWaiting.set(state.waiting)
  metrics.admissionLimit.set(state.limit)
}
