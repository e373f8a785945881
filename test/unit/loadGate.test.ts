/**
 * The load gate (src/edge/load/gate.ts) with saturation injected through its load signal: who
 * waits, who is let in, and who is refused first, without real CPU load.
 */
import { jest } from '@jest/globals'

import { AdaptiveLimit } from '@/edge/load/adaptiveLimit'
import { LoadGate, type GateAnswer } from '@/edge/load/gate'
import { injectedLoad, measuredLoad, type LoadReading } from '@/edge/load/loadSignal'
import { PRIORITIES, type Priority } from '@/edge/load/priorities'

const thresholds = { maxDelayMs: 100, maxUtilization: 0.98 }
const calm: LoadReading = { delayMs: 5, utilization: 0.3 }
const busy: LoadReading = { delayMs: 400, utilization: 1 }

function gate(options: { limit: number; maxWaiting: number; waitMs?: number }) {
  let reading = calm
  const load = injectedLoad(thresholds, () => reading)
  const wait = options.waitMs ?? 60_000
  const g = new LoadGate({
    load,
    limit: { initial: options.limit, min: 1, max: options.limit },
    maxWaiting: options.maxWaiting,
    waitMs: Object.fromEntries(PRIORITIES.map((p) => [p, wait])) as Record<Priority, number>,
  })
  return { g, saturate: (on: boolean) => (reading = on ? busy : calm) }
}

/** What each entered request got, in the order answers came. */
function recorder(g: LoadGate) {
  const answers: { who: string; admitted: boolean; retryAfter?: number }[] = []
  const held: (() => void)[] = []
  const enter = (who: string, priority: Priority) =>
    g.enter(priority).then((answer: GateAnswer) => {
      if (answer.admitted) held.push(answer.release)
      answers.push({
        who,
        admitted: answer.admitted,
        retryAfter: answer.admitted ? undefined : answer.retryAfterSeconds,
      })
    })
  return { answers, held, enter }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

test('under the limit every request is let in at once', async () => {
  const { g } = gate({ limit: 3, maxWaiting: 10 })
  const r = recorder(g)
  await Promise.all([r.enter('a', 'page'), r.enter('b', 'search'), r.enter('c', 'over share')])
  expect(r.answers.every((a) => a.admitted)).toBe(true)
  expect(g.state()).toEqual({ inFlight: 3, waiting: 0, limit: 3 })
})

test('past the adaptive limit requests wait even while the thread has room, and are let in as it grows', async () => {
  const g = new LoadGate({
    load: injectedLoad(thresholds, () => calm),
    limit: { initial: 2, min: 1, max: 4 },
    maxWaiting: 10,
  })
  const r = recorder(g)
  await Promise.all(['a', 'b'].map((who) => r.enter(who, 'page')))
  void r.enter('c', 'page')
  void r.enter('d', 'page')
  await tick()
  expect(g.state()).toMatchObject({ inFlight: 2, waiting: 2 })
  // A request finishes with the limit reached and the thread calm: the limit grows by one.
  r.held.shift()!()
  await tick()
  expect(g.state()).toEqual({ inFlight: 3, waiting: 0, limit: 3 })
})

test('past the limit requests wait and are let in by priority, not arrival', async () => {
  const { g } = gate({ limit: 1, maxWaiting: 10 })
  const r = recorder(g)
  await r.enter('first', 'page')
  void r.enter('search', 'search')
  void r.enter('over share', 'over share')
  void r.enter('signer', 'signer or editor')
  void r.enter('page', 'page')
  await tick()
  expect(g.state().waiting).toBe(4)
  for (let i = 0; i < 4; i++) {
    r.held.shift()!()
    await tick()
  }
  expect(r.answers.map((a) => a.who)).toEqual(['first', 'signer', 'page', 'search', 'over share'])
})

test('a full line refuses the lowest class present first, never a higher one', async () => {
  const { g, saturate } = gate({ limit: 1, maxWaiting: 2 })
  saturate(true)
  const r = recorder(g)
  await r.enter('running', 'page')
  void r.enter('over share search', 'over share search')
  void r.enter('page', 'page')
  await tick()
  // The line is full: a signer takes the place of the lowest class waiting.
  void r.enter('signer', 'signer or editor')
  await tick()
  expect(r.answers.find((a) => a.who === 'over share search')).toMatchObject({ admitted: false })
  // A prefetch is lower than everyone still waiting: it is the one refused.
  await r.enter('prefetch', 'prefetch')
  expect(r.answers.at(-1)).toMatchObject({ who: 'prefetch', admitted: false })
  expect(r.answers.at(-1)!.retryAfter).toBeGreaterThanOrEqual(1)
  r.held.shift()!()
  await tick()
  expect(r.answers.at(-1)).toMatchObject({ who: 'signer', admitted: true })
})

test('a wait that runs out is refused while saturated, and waits on while the thread has room', async () => {
  let reading = busy
  const g = new LoadGate({
    load: injectedLoad(thresholds, () => reading),
    limit: { initial: 1, min: 1, max: 2 },
    maxWaiting: 10,
    waitMs: Object.fromEntries(PRIORITIES.map((p) => [p, 30])) as Record<Priority, number>,
  })
  const r = recorder(g)
  await r.enter('running', 'page')
  await r.enter('busy', 'search')
  expect(r.answers.at(-1)).toMatchObject({ who: 'busy', admitted: false })
  reading = calm
  void r.enter('calm', 'search')
  await new Promise((resolve) => setTimeout(resolve, 80))
  // Its wait ran out twice with room on the thread: not refused, still in line.
  expect(g.state()).toMatchObject({ inFlight: 1, waiting: 1 })
  r.held.shift()!()
  await tick()
  expect(r.answers.at(-1)).toMatchObject({ who: 'calm', admitted: true })
})

test('a wait that runs out while saturated refuses a lower class instead, and never lets anyone past the limit', async () => {
  const waits = Object.fromEntries(PRIORITIES.map((p) => [p, 1000])) as Record<Priority, number>
  const g = new LoadGate({
    load: injectedLoad(thresholds, () => busy),
    limit: { initial: 1, min: 1, max: 1 },
    maxWaiting: 10,
    waitMs: { ...waits, page: 30 },
  })
  const r = recorder(g)
  // The clock is the test's: on a loaded machine a real 60 ms sleep could see the page's second
  // wait run out as well.
  jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] })
  try {
    await r.enter('running', 'page')
    void r.enter('prefetch', 'prefetch')
    void r.enter('page', 'page')
    await jest.advanceTimersByTimeAsync(45)
    // The page's wait ran out: the prefetch was refused in its place, and the page waits on.
    expect(r.answers.map((a) => [a.who, a.admitted])).toEqual([
      ['running', true],
      ['prefetch', false],
    ])
    expect(g.state()).toMatchObject({ inFlight: 1, waiting: 1 })
    r.held.shift()!()
    await tick()
    expect(r.answers.at(-1)).toMatchObject({ who: 'page', admitted: true })
    expect(g.state()).toMatchObject({ inFlight: 1, waiting: 0 })
  } finally {
    jest.useRealTimers()
  }
})

test('the adaptive limit grows while the thread has room and backs off while it is saturated', () => {
  let reading = calm
  const limit = new AdaptiveLimit(
    { initial: 10, min: 4, max: 20 },
    injectedLoad(thresholds, () => reading),
  )
  for (let i = 0; i < 30; i++) limit.finished(10)
  expect(limit.current).toBe(20)
  // Little in flight says nothing about whether more would fit: no growth then.
  reading = busy
  for (let i = 0; i < 100; i++) limit.finished(20)
  expect(limit.current).toBe(4)
  reading = calm
  limit.finished(1)
  expect(limit.current).toBe(4)
})

test('the measured signal reads the event loop: a blocked thread shows as saturated', async () => {
  const signal = measuredLoad({ maxDelayMs: 50, maxUtilization: 0.9 })
  try {
    // Let the monitor's own timer start first.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const until = Date.now() + 400
    while (Date.now() < until) {
      // Keep the thread busy, as a long synchronous render would.
    }
    await new Promise((resolve) => setTimeout(resolve, 150))
    const reading = signal.reading()
    expect(reading.delayMs).toBeGreaterThanOrEqual(50)
    expect(signal.saturated()).toBe(true)
  } finally {
    signal.stop()
  }
})
