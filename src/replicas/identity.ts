import cluster from 'node:cluster'
import crypto from 'node:crypto'

import { processSingleton } from '@/core/processSingleton'

/**
 * Set by the supervisor on the first worker it starts: that one migrates, makes the first admin
 * and seeds before it serves; the supervisor starts the others once it listens.
 */
export const BOOTSTRAP_WORKER = 'PORTAL_BOOTSTRAP_WORKER'

/** Whether this process is one of a supervisor's workers (src/process/cluster/supervisor.ts). */
export const isClusterWorker = (): boolean => cluster.isWorker

/** Whether this process prepares the data: a lone server always, of a supervisor's workers the first. */
export const bootstrapsTheData = (): boolean =>
  !isClusterWorker() || process.env[BOOTSTRAP_WORKER] === '1'

/** This process among all replicas, for as long as it runs (bus acknowledgements, the job lease). */
export const replicaId = (): string =>
  processSingleton('replica-id', () => `${process.pid}-${crypto.randomUUID()}`)

/** A short name for logs: `worker 2` or `server`. */
export const replicaName = (): string =>
  cluster.isWorker && cluster.worker ? `worker ${cluster.worker.id}` : 'server'
