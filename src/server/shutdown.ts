import type { Server } from 'node:http'
import type { Payload } from 'payload'

const FORCE_AFTER_MS = 15_000

/**
 * On SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (idle keep-alive
 * connections are closed at once), then close the database. Forced exit after 15 s.
 */
export function installGracefulShutdown(server: Server, payload: Payload, onStart: () => void) {
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
        await payload.destroy()
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
