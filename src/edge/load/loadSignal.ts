import { monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks'

/** How busy the process's one JavaScript thread was over the last sample. */
export type LoadReading = {
  /**
   * The mean event-loop delay: how long a ready callback (a cache hit) waited. The mean, not the
   * 99th percentile: one long render in a sample (300 ms) set the percentile alone and read as
   * saturation while the thread was mostly idle (the launch bench at 20/s, 0.75 of a core).
   */
  delayMs: number
  /** The share of time the thread was busy, 0 to 1 (`performance.eventLoopUtilization()`). */
  utilization: number
}

/** When the thread counts as saturated; either threshold reached is enough. */
export type LoadThresholds = { maxDelayMs: number; maxUtilization: number }

export type LoadSignal = {
  /** The last completed sample. */
  reading(): LoadReading
  /** Whether the last sample reached a threshold. */
  saturated(): boolean
  stop(): void
}

/** Short enough to react within a second of a crowd arriving, long enough to be a steady figure. */
const SAMPLE_MS = 250

export const isSaturated = (reading: LoadReading, limits: LoadThresholds): boolean =>
  reading.delayMs >= limits.maxDelayMs || reading.utilization >= limits.maxUtilization

/**
 * The thread's load, measured as `@fastify/under-pressure` measures it (the idea, not the
 * package, which is a Fastify plugin): event-loop delay from `monitorEventLoopDelay()` and
 * event-loop utilisation from `performance.eventLoopUtilization()`, each over the last sample
 * window, so a spike a minute ago no longer counts.
 */
export function measuredLoad(limits: LoadThresholds): LoadSignal {
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  let last: EventLoopUtilization = performance.eventLoopUtilization()
  let current: LoadReading = { delayMs: 0, utilization: 0 }
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization()
    current = {
      // The histogram is in nanoseconds; an empty one (no sample yet) reads as no delay.
      delayMs: delay.count > 0 ? delay.mean / 1e6 : 0,
      utilization: performance.eventLoopUtilization(now, last).utilization,
    }
    last = now
    delay.reset()
  }, SAMPLE_MS)
  timer.unref()
  return {
    reading: () => current,
    saturated: () => isSaturated(current, limits),
    stop: () => {
      clearInterval(timer)
      delay.disable()
    },
  }
}

/**
 * A load signal whose readings a test sets: saturation injected without real CPU load (the
 * shedding order, test/int/admissionByLoad.test.ts).
 */
export function injectedLoad(limits: LoadThresholds, read: () => LoadReading): LoadSignal {
  return {
    reading: read,
    saturated: () => isSaturated(read(), limits),
    stop: () => undefined,
  }
}
