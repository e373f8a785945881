/** How long a holder may keep its turn, and what to do when it keeps it longer. */
export type TurnLimit = { ms: number; onOverrun: () => void }

/**
 * One holder at a time; the others wait in the order they asked. SQLite lets one connection write
 * at a time, and a connection of this process waiting for SQLite's own lock would block the event
 * loop (libsql waits synchronously), so writers in this process wait here instead, asynchronously.
 */
export class WriteLock {
  // The turn of the most recent caller; the next caller's turn starts when it ends.
  private tail: Promise<void> = Promise.resolve()

  /**
   * Resolves when it is the caller's turn, to the function that ends it (safe to call twice).
   * With a limit, a turn not ended in time ends anyway after `onOverrun`, so a holder that never
   * ends its turn cannot stop everyone behind it for good.
   */
  acquire(limit?: TurnLimit): Promise<() => void> {
    let endTurn!: () => void
    const turn = new Promise<void>((resolve) => {
      endTurn = resolve
    })
    const previous = this.tail
    this.tail = previous.then(() => turn)
    return previous.then(() => {
      if (!limit) return endTurn
      const timer = setTimeout(() => {
        limit.onOverrun()
        endTurn()
      }, limit.ms)
      // An overrunning holder must not keep a script alive either.
      timer.unref()
      return () => {
        clearTimeout(timer)
        endTurn()
      }
    })
  }
}
