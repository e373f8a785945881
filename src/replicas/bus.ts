import { processSingleton, processSlot } from '@/core/processSingleton'

import type { BusMessage } from './envelopes'

/**
 * How a bus reaches the other replicas. `broadcast` resolves once every replica that listens has
 * handled the message (its handlers' promises resolved), or one of them has died meanwhile.
 */
export type Transport = {
  name: 'ipc' | 'redis'
  broadcast(message: BusMessage): Promise<void>
  /**
   * Starts delivering the other replicas' messages to `handle`; `onGap` is called when messages
   * may have been lost (a Redis subscriber that reconnected).
   */
  listen(handle: (message: BusMessage) => Promise<void>, onGap?: () => void): void
  close(): Promise<void>
}

type Handler = (body: unknown) => void | Promise<void>

/**
 * How long a publisher waits for the other replicas at most. A write's response waits for its
 * invalidation to reach them (docs/operations.md); a replica that hangs must not hang every
 * writer, so after this the write answers anyway and the slow replica catches up when it handles
 * the message.
 */
export const BUS_WAIT_MS = 2_000

/** Handlers by topic, registered by whichever module world (the server's, Next's) asks first. */
const handlers = () => processSingleton('bus-handlers', () => new Map<string, Set<Handler>>())

const installed = processSlot<Transport>('bus-transport')

/** Runs this process's handlers of a message another replica published. */
async function dispatch(message: BusMessage): Promise<void> {
  if (typeof message?.topic !== 'string') return
  const forTopic = handlers().get(message.topic)
  if (!forTopic) return
  await Promise.allSettled([...forTopic].map(async (handler) => handler(message.body)))
}

/** Connects this process to the other replicas; until then (and in a lone process) publishing does nothing. */
export function installBus(transport: Transport): void {
  installed.set(transport)
  transport.listen(dispatch, () => void dispatch({ topic: MESSAGES_MISSED, body: null }))
}

/**
 * A topic this process publishes to itself when it may have missed other replicas' messages:
 * whoever keeps state from them (the read cache, the search index) starts afresh.
 */
export const MESSAGES_MISSED = 'bus.messages-missed'

/** The transport in use, if any: `ipc`, `redis`, or none for a lone process. */
export const busTransport = (): Transport['name'] | null => installed.get()?.name ?? null

export async function closeBus(): Promise<void> {
  const transport = installed.get()
  installed.set(undefined)
  await transport?.close()
}

/** Calls `handler` with every message another replica publishes on `topic`. */
export function onReplicaMessage<T>(
  topic: string,
  handler: (body: T) => void | Promise<void>,
): void {
  const forTopic = handlers().get(topic) ?? new Set<Handler>()
  forTopic.add(handler as Handler)
  handlers().set(topic, forTopic)
}

/**
 * Tells every other replica, and resolves once each has handled it, or after `BUS_WAIT_MS`.
 * A lone process has nobody to tell. Never rejects: a replica that cannot be told is logged by
 * the transport, and the publisher goes on.
 */
export async function publishToReplicas(topic: string, body: unknown): Promise<void> {
  const transport = installed.get()
  if (!transport) return
  let timer: NodeJS.Timeout | undefined
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, BUS_WAIT_MS)
    timer.unref()
  })
  await Promise.race([transport.broadcast({ topic, body }).catch(() => undefined), waited])
  clearTimeout(timer)
}
