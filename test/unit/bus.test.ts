/**
 * The bus between replicas (src/replicas/bus.ts): a publisher waits for the others at most
 * BUS_WAIT_MS; a malformed message from another replica neither crashes nor reaches a handler;
 * messages that may have been missed (a Redis reconnect) empty the read cache.
 */
import { jest } from '@jest/globals'

import {
  BUS_WAIT_MS,
  closeBus,
  installBus,
  onReplicaMessage,
  publishToReplicas,
  type Transport,
} from '@/replicas/bus'
import type { BusMessage } from '@/replicas/envelopes'
import { readPublished } from '@/replicas/redisTransport'
import { readCacheState } from '@/data/changes/changeLog'
import { receiveChangesFromReplicas } from '@/data/changes/replicaChanges'

/** A transport whose deliveries the test makes, and whose broadcasts never complete (a hung replica). */
function fakeTransport() {
  const sides: { deliver?: (message: BusMessage) => Promise<void>; gap?: () => void } = {}
  const transport: Transport = {
    name: 'ipc',
    broadcast: () => new Promise<void>(() => undefined),
    listen(handle, onGap) {
      sides.deliver = handle
      sides.gap = onGap
    },
    close: async () => undefined,
  }
  return { transport, sides }
}

afterEach(() => closeBus())

test('a publisher waits for a replica that never answers until the bound, not longer', async () => {
  jest.useFakeTimers()
  try {
    installBus(fakeTransport().transport)
    let done = false
    const publishing = publishToReplicas('test.topic', { n: 1 }).then(() => (done = true))
    await jest.advanceTimersByTimeAsync(BUS_WAIT_MS - 1)
    expect(done).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    await publishing
    expect(done).toBe(true)
  } finally {
    jest.useRealTimers()
  }
})

test('malformed messages reach no handler and reject nothing; well-formed ones do', async () => {
  const { transport, sides } = fakeTransport()
  installBus(transport)
  const seen: unknown[] = []
  onReplicaMessage('test.seen', (body) => void seen.push(body))
  onReplicaMessage('test.throws', () => {
    throw new Error('a handler that fails')
  })
  for (const bad of [undefined, null, {}, { topic: 7 }] as unknown as BusMessage[]) {
    await expect(sides.deliver!(bad)).resolves.toBeUndefined()
  }
  await expect(sides.deliver!({ topic: 'test.throws', body: 1 })).resolves.toBeUndefined()
  await sides.deliver!({ topic: 'test.seen', body: { ok: true } })
  expect(seen).toEqual([{ ok: true }])
})

test('a Redis message is read only in the shape every replica sends', () => {
  const good = { from: 'a', id: 1, message: { topic: 't', body: null } }
  expect(readPublished(JSON.stringify(good))).toEqual(good)
  for (const bad of ['not json', 'null', '{}', '{"from":"a","id":"1","message":{"topic":"t"}}']) {
    expect(readPublished(bad)).toBeNull()
  }
  expect(readPublished(JSON.stringify({ from: 'a', id: 1 }))).toBeNull()
})

test('messages that may have been missed empty the read cache', async () => {
  const { transport, sides } = fakeTransport()
  receiveChangesFromReplicas()
  installBus(transport)
  const before = readCacheState().sequence
  sides.gap!()
  await new Promise((resolve) => setImmediate(resolve))
  const state = readCacheState()
  expect(state.sequence).toBe(before + 1)
  expect(state.recent.at(-1)?.change).toEqual({ kind: 'everything' })
})
