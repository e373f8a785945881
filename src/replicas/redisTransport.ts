import { Redis } from 'ioredis'

import type { BusMessage } from './envelopes'
import { BUS_WAIT_MS, type Transport } from './bus'
import { replicaId } from './identity'

/** Channels and keys of this portal on a Redis that other applications may share. */
export const REDIS_PREFIX = 'initiative-portal:'

type Published = { from: string; id: number; message: BusMessage }

/** A Redis connection that gives up a command after a second rather than queueing it for ever. */
export const redisConnection = (url: string, name: string): Redis =>
  new Redis(url, {
    connectionName: `${REDIS_PREFIX}${name}`,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    // A replica keeps serving while Redis restarts; its bus and limits come back when Redis does.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  })

/** A message of the bus channel, if it has the shape every replica sends; null otherwise. */
export function readPublished(text: string): Published | null {
  try {
    const value = JSON.parse(text) as Partial<Published> | null
    const ok =
      typeof value?.from === 'string' &&
      typeof value.id === 'number' &&
      typeof value.message?.topic === 'string'
    return ok ? (value as Published) : null
  } catch {
    return null
  }
}

/**
 * Publications waiting for acknowledgements. One may come before PUBLISH has answered how many
 * to expect, so both are counted.
 */
function acknowledgements() {
  type Waiting = { acks: number; expected: number | null; resolve: () => void }
  const waiting = new Map<number, Waiting>()
  let next = 0
  const settleIfComplete = (id: number) => {
    const entry = waiting.get(id)
    if (!entry || entry.expected === null || entry.acks < entry.expected) return
    waiting.delete(id)
    entry.resolve()
  }
  return {
    open() {
      const id = ++next
      const done = new Promise<void>((resolve) =>
        waiting.set(id, { acks: 0, expected: null, resolve }),
      )
      return { id, done }
    },
    expect(id: number, expected: number) {
      const entry = waiting.get(id)
      if (entry) entry.expected = expected
      settleIfComplete(id)
    },
    acknowledged(id: number) {
      const entry = waiting.get(id)
      if (entry) entry.acks += 1
      settleIfComplete(id)
    },
    settle(id: number) {
      waiting.get(id)?.resolve()
      waiting.delete(id)
    },
    settleAll() {
      for (const entry of waiting.values()) entry.resolve()
      waiting.clear()
    },
  }
}

/** Pub/sub delivers at most once: what was published while a subscriber was away is lost. */
function reportGaps(subscriber: Redis, onGap: () => void) {
  let connected = false
  subscriber.on('ready', () => {
    if (connected) onGap()
    connected = true
  })
}

/**
 * The bus between replicas on several hosts: Redis pub/sub. PUBLISH answers how many subscribers
 * received a message, this replica's own among them, so the publisher knows how many
 * acknowledgements to wait for; each replica acknowledges on the publisher's own channel once its
 * handlers have run.
 */
export function redisTransport(url: string, log: (message: string) => void): Transport {
  const me = replicaId()
  const busChannel = `${REDIS_PREFIX}bus`
  const ackChannel = `${REDIS_PREFIX}ack:${me}`
  const publisher = redisConnection(url, 'bus-publisher')
  const subscriber = redisConnection(url, 'bus-subscriber')
  for (const connection of [publisher, subscriber]) {
    connection.on('error', (error: Error) => log(`Redis (the replicas' bus): ${error.message}`))
  }
  const waiting = acknowledgements()

  return {
    name: 'redis',
    async broadcast(message) {
      const { id, done } = waiting.open()
      const published: Published = { from: me, id, message }
      // A replica that died, or a client that is no replica (a monitor's PSUBSCRIBE is counted
      // among the receivers), never acknowledges: the publication is forgotten after the bound.
      setTimeout(() => waiting.settle(id), BUS_WAIT_MS).unref()
      try {
        const receivers = await publisher.publish(busChannel, JSON.stringify(published))
        // This replica's own subscriber is one of them and does not acknowledge.
        waiting.expect(id, receivers - 1)
      } catch (error) {
        waiting.settle(id)
        throw error
      }
      return done
    },
    listen(handle, onGap) {
      subscriber.on('message', (channel: string, text: string) => {
        if (channel === ackChannel) return waiting.acknowledged(Number(text))
        if (channel !== busChannel) return
        const published = readPublished(text)
        if (!published) return log("Redis (the replicas' bus): a malformed message was ignored")
        if (published.from === me) return
        void handle(published.message)
          .catch(() => undefined)
          .finally(() =>
            publisher
              .publish(`${REDIS_PREFIX}ack:${published.from}`, String(published.id))
              .catch(() => undefined),
          )
      })
      if (onGap) reportGaps(subscriber, onGap)
      subscriber.subscribe(busChannel, ackChannel).catch((error: Error) => {
        log(`Redis (the replicas' bus): subscribing failed: ${error.message}`)
      })
    },
    async close() {
      waiting.settleAll()
      subscriber.disconnect()
      publisher.disconnect()
    },
  }
}
