import type { Payload } from 'payload'

import type { Environment } from '@/core/env'
import { EVERY_ANSWER } from '@/data/changes/cacheTags'
import { sharedCachePurger, type Purger } from '@/data/changes/sharedCachePurge'

import { purgeEachDay } from './dayPurge'
import { queueCdnPurge } from './purgeCdn'
import { varnishPurger } from './varnish'

/**
 * Purges the shared caches in front of the portal after every commit, and of the day that ended
 * at each midnight UTC (docs/caching.md, "Shared caches"): the local Varnish at once (the write
 * waits, at most VARNISH_PURGE_TIMEOUT_MS), a CDN through the job queue (queued before the write
 * is acknowledged, sent right after, retried). A start purges everything at the CDN: a process
 * that died between a commit and its purge job leaves nothing stale there. Returns a stop.
 */
export async function installSharedCachePurge(
  payload: Payload,
  env: Pick<Environment, 'varnishPurgeUrl' | 'varnishPurgeTimeoutMs' | 'cdn'>,
  { purgeAtStart = true }: { purgeAtStart?: boolean } = {},
): Promise<() => void> {
  const purgers: Purger[] = []
  if (env.varnishPurgeUrl) {
    purgers.push(varnishPurger(env.varnishPurgeUrl, env.varnishPurgeTimeoutMs, payload.logger))
  }
  if (env.cdn) purgers.push((tags) => queueCdnPurge(payload, tags))
  if (purgers.length === 0) return () => undefined
  const purge: Purger = async (tags) => {
    await Promise.all(purgers.map((purger) => purger(tags)))
  }
  sharedCachePurger.set(purge)
  if (env.cdn && purgeAtStart) await queueCdnPurge(payload, [EVERY_ANSWER])
  const stopDays = purgeEachDay(purge)
  return () => {
    stopDays()
    sharedCachePurger.set(undefined)
  }
}
