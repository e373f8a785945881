import { dayTag } from '@/data/changes/cacheTags'
import type { Purger } from '@/data/changes/sharedCachePurge'

const DAY_MS = 24 * 60 * 60 * 1000

/** Milliseconds from `now` to the next midnight UTC. */
export const untilMidnightUtc = (now: Date): number => DAY_MS - (now.getTime() % DAY_MS)

/**
 * Purges the day's answers at 00:00 UTC: pages show what is upcoming by the date, so an answer of
 * yesterday may be wrong today (the portal's own cache serves nothing past its UTC day). Returns
 * a function that stops it.
 */
export function purgeEachDay(purge: Purger, now: () => Date = () => new Date()): () => void {
  let timer: NodeJS.Timeout | undefined
  const schedule = () => {
    const at = now()
    timer = setTimeout(() => {
      const ended = new Date(at.getTime() + untilMidnightUtc(at) - 1)
      void purge([dayTag(ended)]).finally(schedule)
    }, untilMidnightUtc(at))
    timer.unref()
  }
  schedule()
  return () => clearTimeout(timer)
}
