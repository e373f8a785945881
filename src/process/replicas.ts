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
 * Called before Payload starts, so that the adapter's first write already publishes its changes
 * and the first limit counts in the shared store; `receive` adds what needs Payload.
 */
export function connectReplicas(env: Environment): {
  receive(payload: Payload): void
  close(): Promise<void>
} {
  const log = (message: string) => console.error(message)
  let closeLimits = async () => {}
  if (env.replicas.redisUrl) {
    installBus(redisTransport(env.replicas.redisUrl, log))
    const client = redisConnection(env.replicas.redisUrl, 'limits')
    client.on('error', (error: Error) => log(`Redis (shared limits): ${error.message}`))
    chooseLimitStore({ kind: 'redis', client })
    closeLimits = async () => void client.disconnect()
  } else if (isClusterWorker()) {
    installBus(ipcTransport())
    chooseLimitStore({ kind: 'cluster' })
  }
  receiveChangesFromReplicas()
  return {
    receive: (payload) => receiveSearchRefreshes(payload),
    async close() {
      await closeBus()
      await closeLimits()
    },
  }
}
