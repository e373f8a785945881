import type { Payload } from 'payload'

import { cacheContents } from '@/data/changes/changeLog'

import { createPortalMetrics } from '../../observability/metrics/definitions'
import { queueReader } from './queues'
import { currentMetrics, installMetrics } from '../../observability/metrics/state'

/**
 * Turns metrics on for this process (once: a second call keeps the registry it has). The server
 * calls it at start when METRICS_TOKEN is set, before Next serves anything.
 */
export function enableMetrics(payload: Payload): void {
  if (currentMetrics()) return
  installMetrics(
    createPortalMetrics({ cacheContents: () => cacheContents(), queues: queueReader(payload) }),
  )
}

/** Turns them off again (tests that compare both). */
export function disableMetrics(): void {
  installMetrics(undefined)
}
