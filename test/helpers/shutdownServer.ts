/**
 * A server process for the graceful-shutdown test: the real Payload, express layer and shutdown
 * handling, with a slow route standing in for a long request (Next is not needed to show that
 * in-flight requests finish). Prints its port once listening.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getPayload } from 'payload'

import { createApp } from '@/process/app'
import { edgeSettings } from '@/edge/settings'
import { readEnvironment } from '@/core/env'
import { installGracefulShutdown } from '@/process/shutdown'

const { default: config } = await import('@/payload.config')
const payload = await getPayload({ config })
let shuttingDown = false
const app = createApp({
  payload,
  handle: (_req, res) => {
    setTimeout(() => res.status(200).end('slow response finished'), 1500)
  },
  https: false,
  isShuttingDown: () => shuttingDown,
  edge: edgeSettings(readEnvironment()),
})
const server = createServer(app)
installGracefulShutdown(server, payload, {
  onStart: () => {
    shuttingDown = true
  },
})
server.listen(0, '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`)
})
