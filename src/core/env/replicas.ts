import os from 'node:os'

import { positiveInt, type Source } from './parse'

/** Several processes on the same data (src/replicas/, src/process/cluster/, docs/operations.md). */
export type ReplicaSettings = {
  /**
   * Worker processes `npm start` runs on this machine: one per core by default in production.
   * One means no supervisor: the process serves alone, as `npm run dev` always does.
   */
  workers: number
  /** Redis for replicas on several hosts: their bus and their shared limits; null on one host. */
  redisUrl: string | null
}

export function readReplicaSettings(
  source: Source,
  production: boolean,
  problems: string[],
): ReplicaSettings {
  const redisUrl = source.REDIS_URL?.trim() || null
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    problems.push(`REDIS_URL must be a redis:// or rediss:// URL, got "${redisUrl}"`)
  }
  // Development is one process whatever is set: Next's dev server compiles in it.
  const perCore = production ? os.availableParallelism() : 1
  const workers = positiveInt(source, 'WEB_CONCURRENCY', perCore, problems)
  return { workers: production ? workers : 1, redisUrl }
}
