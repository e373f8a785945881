import cluster from 'node:cluster'
import type { Server } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'
import type { Payload } from 'payload'

import { deliveriesSettled } from '@/operations/mail/delivery'

const FORCE_AFTER_MS = 15_000

/**
 * How long mail deliveries under way may still finish. One cut short is not lost: its job is
 * released at the next start and sent then (possibly a second time, if the server had it).
 */
const MAIL_GRACE_MS = 5_000

export type ShutdownSteps = {
  /** As soon as the stop begins (health checks start answering 503). */
  onStart: () => void
  /** Once the requests have finished, while the database is still open (the job lease). */
  beforeDatabaseCloses?: () => Promise<void>
  /** Once the database is closed (the bus, the lock on the data). */
  afterDatabaseCloses?: () => Promise<void>
}

/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (idle keep-alive
 * connections are closed at once), give mail deliveries under way a moment, give up the job
 * lease, then close the database and release the lock on the data (src/data/adapter/dataLock.ts).
 * Forced exit after 15 s.
 *
 * A supervisor's worker whose supervisor is gone (killed: the IPC channel closed) exits at once:
 * the lock on the data and the writer's turn went with the supervisor, and a new one may already
 * be starting on the same data. SQLite rolls back whatever transaction was open; nothing
 * acknowledged is lost.
 */
export function installGracefulShutdown(
  server: Server,
  payload: Payload,
  { onStart, beforeDatabaseCloses, afterDatabaseCloses }: ShutdownSteps,
) {
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    onStart()
    payload.logger.info(`${signal} received: finishing in-flight requests, then stopping`)
    const force = setTimeout(() => {
      payload.logger.error('shutdown took too long; exiting')
      process.exit(1)
    }, FORCE_AFTER_MS)
    force.unref()
    server.close(async () => {
      try {
        await Promise.race([deliveriesSettled(), delay(MAIL_GRACE_MS, undefined, { ref: false })])
        await beforeDatabaseCloses?.()
        await payload.destroy()
        // Only once the database is closed may a restore replace it.
        await afterDatabaseCloses?.()
        payload.logger.info('stopped')
        process.exit(0)
      } catch (error) {
        payload.logger.error({ msg: 'error while closing the database', err: error })
        process.exit(1)
      }
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  if (cluster.isWorker) {
    process.on('disconnect', () => {
      if (stopping) return
      payload.logger.error('the supervisor is gone: exiting now')
      process.exit(1)
    })
  }
}
