/**
 * The request-body bytes the process holds at once, across all requests. Payload reads a JSON
 * body whole and keeps an upload in memory, so what is in flight is what the heap must hold:
 * a reservation is taken when a body starts and given back when its response ends.
 */
export class BodyBudget {
  private used = 0

  constructor(readonly capacity: number) {}

  get inUse(): number {
    return this.used
  }

  /** Takes `bytes` if they fit; false (taking nothing) if they do not. */
  reserve(bytes: number): boolean {
    if (this.used + bytes > this.capacity) return false
    this.used += bytes
    return true
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes)
  }
}
