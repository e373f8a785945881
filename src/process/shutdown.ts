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

/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (idle keep-alive
 * connections are closed at once), give mail deliveries under way a moment, then close the
 * database and release the lock on the data (src/data/adapter/dataLock.ts). Forced exit after 15 s.
 */
export function installGracefulShutdown(
  server: Server,
  payload: Payload,
  onStart: () => void,
  releaseDataLock: () => Promise<void> = async () => {},
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
        await payload.destroy()
        // Only once the database is closed may a restore replace it.
        await releaseDataLock()
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
}
