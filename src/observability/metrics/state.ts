import type { PortalMetrics } from './definitions'
import { processSingleton } from '@/core/processSingleton'

/**
 * The metrics live on globalThis, like the read cache's state: the modules Next compiles (the
 * GraphQL route, Payload's hooks and database layers when Next runs them) and the modules the
 * server loads are separate instances, and both must count into the one registry `/metrics`
 * serves. Nothing is registered until the server turns metrics on (METRICS_TOKEN set): until
 * then every count is a no-op that costs one property read.
 */
const installed = processSingleton<{ metrics?: PortalMetrics }>('metrics', () => ({}))

export const currentMetrics = (): PortalMetrics | undefined => installed.metrics

export function installMetrics(metrics: PortalMetrics | undefined): void {
  installed.metrics = metrics
}
