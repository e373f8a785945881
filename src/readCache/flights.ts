/**
 * Misses for one key wait for one render (docs/caching.md, "One render per key"). After a
 * publish, every reader of a page misses at once; without this, each of them renders it. The
 * first miss leads; the others follow: they wait for its answer, at most `maxWaitMs`, then look
 * again, and render themselves only if nothing was stored (the answer was not storable, a change
 * raced it, or the wait ran out).
 */
export class Flights {
  private readonly leaders = new Map<string, Promise<void>>()

  constructor(private readonly maxWaitMs: number) {}

  /**
   * Leads the render for `key` if nobody does, returning the function that ends it; returns null
   * when another render leads.
   */
  lead(key: string): (() => void) | null {
    if (this.leaders.has(key)) return null
    let end!: () => void
    this.leaders.set(
      key,
      new Promise<void>((resolve) => {
        end = resolve
      }),
    )
    return () => {
      this.leaders.delete(key)
      end()
    }
  }

  /** Waits for the render that leads for `key`, if any, at most `maxWaitMs`. */
  async follow(key: string): Promise<void> {
    const leader = this.leaders.get(key)
    if (!leader) return
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      leader,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.maxWaitMs)
      }),
    ])
    clearTimeout(timer)
  }

  /** Renders in flight now. */
  get size(): number {
    return this.leaders.size
  }
}
