import type { Payload } from 'payload'

import type { Environment } from '../core/env'
import { receiveSearchRefreshes } from '../cms/search/replicas'
import { receiveChangesFromReplicas } from '../data/changes/replicaChanges'
import { chooseLimitStore } from '../operations/rateLimiterStore'
import { closeBus, installBus } from '../replicas/bus'
import { isClusterWorker } from '../replicas/identity'
import { ipcTransport } from '../replicas/ipcTransport'
import { redisConnection, redisTransport } from '../replicas/redisTransport'

/**
 * Connects this process to the other replicas, if any (docs/operations.md, "Several processes"):
 *
 * - with REDIS_URL, the bus and the limits go through Redis, which replicas on every host reach;
 * - else, in a supervisor's worker, through the supervisor (IPC);
 * - else (a lone server) there is nobody to share with: the limits count in memory.
 *
 * Called before Payload starts, so that the first limit counts in the shared store. The bus
 * joins with `listen`, right before the server listens: a worker that serves nothing yet has
 * nothing cached to invalidate, and the others' writes need not wait for it while it starts.
 */
export function connectReplicas(env: Environment): {
  listen(payload: Payload): void
  close(): Promise<void>
} {
  const log = (message: string) => console.error(message)
  let closeLimits = async () => {}
  const { redisUrl } = env.replicas
  if (redisUrl) {
    const client = redisConnection(redisUrl, 'limits')
    client.on('error', (error: Error) => log(`Redis (shared limits): ${error.message}`))
    chooseLimitStore({ kind: 'redis', client })
    closeLimits = async () => void client.disconnect()
  } else if (isClusterWorker()) chooseLimitStore({ kind: 'cluster' })
  return {
    listen(payload) {
      receiveChangesFromReplicas()
      receiveSearchRefreshes(payload)
      if (redisUrl) installBus(redisTransport(redisUrl, log))
      else if (isClusterWorker()) installBus(ipcTransport())
    },
    async close() {
      await closeBus()
      await closeLimits()
    },
  }
}
