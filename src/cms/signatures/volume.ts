import { RateLimiterMemory } from 'rate-limiter-flexible'

import { processSingleton } from '@/core/processSingleton'

/**
 * How many signatures (or confirmations) an address or an e-mail domain made in the last hour,
 * counted on rate-limiter-flexible's in-memory store as the portal's limits are
 * (src/operations/rateLimiterStore.ts), but never refusing: the count only decides how much
 * work the next signature costs, or whether a confirmation waits for the editors. A hundred
 * people of one institute behind one address are normal on launch day.
 */
const HOUR = 3600
/** Far above any count that matters; the counter itself never refuses. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER

export type VolumeKind = 'signing-address' | 'signing-domain' | 'confirming-address'

const counters = () =>
  processSingleton('signature-volume', () => new Map<VolumeKind, RateLimiterMemory>())

function counter(kind: VolumeKind): RateLimiterMemory {
  let found = counters().get(kind)
  if (!found) {
    found = new RateLimiterMemory({
      keyPrefix: `volume-${kind}`,
      points: UNBOUNDED,
      duration: HOUR,
    })
    counters().set(kind, found)
  }
  return found
}

/** What `key` did in the last hour, before this one. */
export async function recentVolume(kind: VolumeKind, key: string): Promise<number> {
  return (await counter(kind).get(key))?.consumedPoints ?? 0
}

/** Counts one more for `key`; says how many there were before it. */
export async function countOne(kind: VolumeKind, key: string): Promise<number> {
  const res = await counter(kind).penalty(key, 1)
  return res.consumedPoints - 1
}

/** The most the work may grow: a person's browser still finishes it in seconds. */
export const MAX_WORK_FACTOR = 16

/**
 * How many times the base proof of work a signature costs after `volume` others in the hour:
 * 1 below `threshold`, then one more for each further `threshold` (10 → 2×, 20 → 3×, … with a
 * threshold of 10), at most MAX_WORK_FACTOR. 0 as threshold: always 1.
 */
export function workFactor(volume: number, threshold: number): number {
  if (threshold <= 0 || volume < threshold) return 1
  return Math.min(MAX_WORK_FACTOR, 2 + Math.floor((volume - threshold) / threshold))
}

/** Forgets every count (tests). */
export function resetVolumes(): void {
  counters().clear()
}
