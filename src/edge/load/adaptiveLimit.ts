import type { LoadSignal } from './loadSignal'

export type LimitBounds = { initial: number; min: number; max: number }

/** What Netflix's AIMD limit multiplies by when the process is overloaded. */
const BACKOFF = 0.9

/**
 * How many uncached requests may be in flight at once, found by additive increase and
 * multiplicative decrease (AIMD, as in Netflix's concurrency-limits `AIMDLimit`): each finished
 * request adds one while the limit was what held requests back and the thread is not saturated,
 * and takes a tenth off while it is. The measure of overload is the load signal (event-loop delay
 * and utilisation), not a request's own time: a render is slow because it is big as often as
 * because the thread is busy.
 */
export class AdaptiveLimit {
  private value: number

  constructor(
    private readonly bounds: LimitBounds,
    private readonly load: LoadSignal,
  ) {
    this.value = bounds.initial
  }

  get current(): number {
    return Math.floor(this.value)
  }

  /** A request finished; `inFlight` is how many ran alongside it when it started. */
  finished(inFlight: number): void {
    if (this.load.saturated()) {
      this.value = Math.max(this.bounds.min, this.value * BACKOFF)
    } else if (inFlight * 2 >= this.current) {
      // Only a limit that was nearly reached says anything about whether more would fit.
      this.value = Math.min(this.bounds.max, this.value + 1)
    }
  }
}
