import { BUS_CHANNEL, isBusEnvelope, type BusEnvelope, type BusMessage } from './envelopes'
import type { Transport } from './bus'

const send = (envelope: BusEnvelope) => process.send?.(envelope)

/**
 * The bus between the workers of one supervisor: a worker sends a publication to the supervisor,
 * which delivers it to every other worker, collects their acknowledgements and answers `done`
 * (src/process/cluster/relay.ts). Node's IPC keeps the order of messages on each pipe.
 */
export function ipcTransport(): Transport {
  const waiting = new Map<number, () => void>()
  let next = 0
  let listener: ((value: unknown) => void) | undefined
  return {
    name: 'ipc',
    broadcast(message: BusMessage) {
      const id = ++next
      return new Promise<void>((resolve) => {
        waiting.set(id, resolve)
        send({ channel: BUS_CHANNEL, kind: 'publish', id, message })
      })
    },
    listen(handle) {
      listener = (value: unknown) => {
        if (!isBusEnvelope(value)) return
        if (value.kind === 'done') {
          waiting.get(value.id)?.()
          waiting.delete(value.id)
        } else if (value.kind === 'deliver') {
          const { id } = value
          void handle(value.message)
            .catch(() => undefined)
            .finally(() => send({ channel: BUS_CHANNEL, kind: 'ack', id }))
        }
      }
      process.on('message', listener)
      send({ channel: BUS_CHANNEL, kind: 'hello' })
    },
    async close() {
      if (listener) process.off('message', listener)
      for (const resolve of waiting.values()) resolve()
      waiting.clear()
    },
  }
}
