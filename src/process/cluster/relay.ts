import cluster, { type Worker } from 'node:cluster'

import {
  BUS_CHANNEL,
  isBusEnvelope,
  isWriteTurnEnvelope,
  WRITE_TURN_CHANNEL,
  type BusEnvelope,
  type WriteTurnEnvelope,
} from '@/replicas/envelopes'
import { WRITE_TURN_LIMIT_MS } from '@/replicas/writeTurn'

const sendTo = (worker: Worker | undefined, envelope: BusEnvelope | WriteTurnEnvelope) => {
  if (worker?.isConnected()) worker.send(envelope)
}

/**
 * The supervisor's half of the bus (src/replicas/ipcTransport.ts): a worker's publication goes to
 * every other worker that said hello; once each has acknowledged it, or died, the publisher is
 * told it is done.
 */
function relayBus() {
  const listening = new Set<number>()
  // Publications not yet acknowledged by everyone, by `<publisher>:<id>`.
  const open = new Map<string, { publisher: number; id: number; left: Set<number> }>()

  const closeIfDone = (key: string) => {
    const publication = open.get(key)
    if (!publication || publication.left.size > 0) return
    open.delete(key)
    sendTo(cluster.workers?.[publication.publisher], {
      channel: BUS_CHANNEL,
      kind: 'done',
      id: publication.id,
    })
  }

  cluster.on('message', (worker, value: unknown) => {
    if (!isBusEnvelope(value)) return
    if (value.kind === 'hello') listening.add(worker.id)
    else if (value.kind === 'ack') {
      open.get(value.id)?.left.delete(worker.id)
      closeIfDone(value.id)
    } else if (value.kind === 'publish') {
      const key = `${worker.id}:${value.id}`
      const others = [...listening].filter((id) => id !== worker.id)
      open.set(key, { publisher: worker.id, id: value.id, left: new Set(others) })
      for (const id of others) {
        sendTo(cluster.workers?.[id], {
          channel: BUS_CHANNEL,
          kind: 'deliver',
          id: key,
          message: value.message,
        })
      }
      closeIfDone(key)
    }
  })

  cluster.on('exit', (worker) => {
    listening.delete(worker.id)
    for (const [key, publication] of open) {
      // A dead worker acknowledges nothing more; a dead publisher waits for nothing.
      publication.left.delete(worker.id)
      if (publication.publisher === worker.id) open.delete(key)
      else closeIfDone(key)
    }
  })
}

/**
 * SQLite's writer turn among the workers (src/replicas/writeTurn.ts): one holder, the others
 * in the order they asked. A worker that dies holding it, or holds it longer than any
 * transaction of the portal may, loses it.
 */
function arbitrateWriteTurn(log: (message: string) => void) {
  type Request = { worker: number; id: number }
  const queue: Request[] = []
  let holder: (Request & { timer: NodeJS.Timeout }) | null = null

  const grantNext = () => {
    while (!holder && queue.length > 0) {
      const next = queue.shift()!
      const worker = cluster.workers?.[next.worker]
      if (!worker?.isConnected()) continue
      const timer = setTimeout(() => {
        log(`worker ${next.worker} held the SQLite write turn for ${WRITE_TURN_LIMIT_MS} ms`)
        holder = null
        grantNext()
      }, WRITE_TURN_LIMIT_MS)
      holder = { ...next, timer }
      sendTo(worker, { channel: WRITE_TURN_CHANNEL, kind: 'granted', id: next.id })
    }
  }
  const release = (worker: number, id?: number) => {
    if (!holder || holder.worker !== worker || (id !== undefined && holder.id !== id)) return
    clearTimeout(holder.timer)
    holder = null
    grantNext()
  }

  cluster.on('message', (worker, value: unknown) => {
    if (!isWriteTurnEnvelope(value)) return
    if (value.kind === 'acquire') {
      queue.push({ worker: worker.id, id: value.id })
      grantNext()
    } else if (value.kind === 'release') release(worker.id, value.id)
  })
  cluster.on('exit', (worker) => {
    for (let i = queue.length - 1; i >= 0; i--)
      if (queue[i]!.worker === worker.id) queue.splice(i, 1)
    release(worker.id)
  })
}

/** Everything the supervisor relays between its workers. */
export function relayBetweenWorkers(log: (message: string) => void): void {
  relayBus()
  arbitrateWriteTurn(log)
}
