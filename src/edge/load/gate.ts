import { AdaptiveLimit, type LimitBounds } from './adaptiveLimit'
import type { LoadSignal } from './loadSignal'
import { PRIORITIES, rankOf, WAIT_MS, type Priority } from './priorities'

export type GateAnswer =
  { admitted: true; release: () => void } | { admitted: false; retryAfterSeconds: number }

type Waiting = {
  rank: number
  settle: (answer: GateAnswer) => void
  timer: NodeJS.Timeout
}

export type GateOptions = {
  load: LoadSignal
  limit: LimitBounds
  /** Requests that may wait at once, all classes together: beyond it the lowest class goes. */
  maxWaiting: number
  /** The longest each class waits (tests shorten it). */
  waitMs?: Record<Priority, number>
}

/**
 * Admission by measured load: uncached requests run up to an adaptive concurrency limit; past
 * it they wait in line by priority, each for a bounded time. A request is refused only while the
 * thread is saturated, and always the lowest class present: a full line sheds its lowest class
 * first, and a wait that ends while the thread has room admits the request anyway.
 */
export class LoadGate {
  private readonly limit: AdaptiveLimit
  private readonly line: Waiting[][] = PRIORITIES.map(() => [])
  private inFlight = 0
  private waiting = 0

  constructor(private readonly options: GateOptions) {
    this.limit = new AdaptiveLimit(options.limit, options.load)
  }

  /** What `/metrics` and the tests read. */
  state() {
    return { inFlight: this.inFlight, waiting: this.waiting, limit: this.limit.current }
  }

  enter(priority: Priority): Promise<GateAnswer> {
    const rank = rankOf(priority)
    if (this.hasRoom() && !this.anyWaitingAtOrAbove(rank)) return Promise.resolve(this.admit())
    if (this.waiting >= this.options.maxWaiting && !this.shedBelow(rank)) {
      return Promise.resolve(this.refusal())
    }
    return new Promise((settle) => {
      const wait = (this.options.waitMs ?? WAIT_MS)[priority]
      const entry: Waiting = { rank, settle, timer: setTimeout(() => this.timeOut(entry), wait) }
      entry.timer.unref()
      this.line[rank]!.push(entry)
      this.waiting++
    })
  }

  /**
   * Below the adaptive limit there is room; above it too while the thread is not saturated (up
   * to the limit's ceiling, which bounds the memory of renders at once): nobody waits for a limit
   * the load does not call for. The limit itself only catches up as requests finish.
   */
  private hasRoom(): boolean {
    if (this.inFlight < this.limit.current) return true
    return this.inFlight < this.limit.ceiling && !this.options.load.saturated()
  }

  private admit(): GateAnswer {
    const started = this.inFlight++
    let released = false
    return {
      admitted: true,
      release: () => {
        if (released) return
        released = true
        this.inFlight--
        this.limit.finished(started + 1)
        this.admitWaiting()
      },
    }
  }

  /** Seconds until a refused client may expect room: the line ahead of it, at the current limit. */
  private refusal(): GateAnswer {
    const rounds = Math.ceil((this.waiting + 1) / Math.max(1, this.limit.current))
    return { admitted: false, retryAfterSeconds: Math.min(10, Math.max(1, rounds)) }
  }

  private admitWaiting(): void {
    while (this.hasRoom()) {
      const entry = this.takeHighest()
      if (!entry) return
      entry.settle(this.admit())
    }
  }

  private takeHighest(): Waiting | undefined {
    for (const queue of this.line) {
      const entry = queue.shift()
      if (entry) return this.leave(entry)
    }
    return undefined
  }

  private leave(entry: Waiting): Waiting {
    clearTimeout(entry.timer)
    this.waiting--
    return entry
  }

  private anyWaitingAtOrAbove(rank: number): boolean {
    return this.line.slice(0, rank + 1).some((queue) => queue.length > 0)
  }

  /** Refuses the newest waiting request of the lowest class below `rank`; false if none is. */
  private shedBelow(rank: number): boolean {
    for (let lower = this.line.length - 1; lower > rank; lower--) {
      const entry = this.line[lower]!.pop()
      if (entry) {
        this.leave(entry).settle(this.refusal())
        return true
      }
    }
    return false
  }

  /** A wait ran out: refused if the thread is still saturated, else let in (there is room). */
  private timeOut(entry: Waiting): void {
    const queue = this.line[entry.rank]!
    const at = queue.indexOf(entry)
    if (at < 0) return
    queue.splice(at, 1)
    this.leave(entry)
    // Refused only while saturated, and then the lowest class present first: a lower one still
    // waiting takes the refusal, and this request its place (one over the limit for a moment).
    if (this.options.load.saturated() && !this.shedBelow(entry.rank)) {
      entry.settle(this.refusal())
      return
    }
    entry.settle(this.admit())
  }
}
