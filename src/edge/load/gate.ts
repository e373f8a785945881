import { reportAdmission } from '@/observability/metrics/count'

import { AdaptiveLimit, type LimitBounds } from './adaptiveLimit'
import type { LoadSignal } from './loadSignal'
import { PRIORITIES, rankOf, WAIT_MS, type Priority } from './priorities'

export type GateAnswer =
  { admitted: true; release: () => void } | { admitted: false; retryAfterSeconds: number }

type Waiting = {
  rank: number
  /** How long this class waits before its turn is decided (once more after each decision). */
  waitMs: number
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
      const waitMs = (this.options.waitMs ?? WAIT_MS)[priority]
      const entry: Waiting = { rank, waitMs, settle, timer: this.timerFor(waitMs, () => entry) }
      this.line[rank]!.push(entry)
      this.waiting++
      reportAdmission(this.state())
    })
  }

  /**
   * Room is below the adaptive limit only. Letting requests past it while one sample read calm
   * filled every slot up to the ceiling at once (31 in flight at a limit of 3 in the launch
   * bench); the limit grows by itself as requests finish while the thread has room.
   */
  private hasRoom(): boolean {
    return this.inFlight < this.limit.current
  }

  private admit(): GateAnswer {
    const started = this.inFlight++
    reportAdmission(this.state())
    let released = false
    return {
      admitted: true,
      release: () => {
        if (released) return
        released = true
        this.inFlight--
        this.limit.finished(started + 1)
        this.admitWaiting()
        reportAdmission(this.state())
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
    reportAdmission(this.state())
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

  private timerFor(waitMs: number, entry: () => Waiting): NodeJS.Timeout {
    const timer = setTimeout(() => this.timeOut(entry()), waitMs)
    timer.unref()
    return timer
  }

  /**
   * A wait ran out. With room now (the thread has calmed down) the request is let in. While
   * saturated it is refused, unless a lower class still waits: that one is refused instead and
   * this request keeps its place for another wait. Nobody is let in past the limit for it.
   */
  private timeOut(entry: Waiting): void {
    const queue = this.line[entry.rank]!
    const at = queue.indexOf(entry)
    if (at < 0) return
    const room = this.hasRoom()
    if (room || (this.options.load.saturated() && !this.shedBelow(entry.rank))) {
      queue.splice(at, 1)
      this.leave(entry)
      entry.settle(room ? this.admit() : this.refusal())
      return
    }
    entry.timer = this.timerFor(entry.waitMs, () => entry)
  }
}
