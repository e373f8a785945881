const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** At most `perSecond` starts a second, evenly spaced; 0: no spacing. */
export function pacer(perSecond: number): () => Promise<void> {
  if (perSecond <= 0) return async () => undefined
  const gap = 1000 / perSecond
  let next = performance.now()
  return async () => {
    const now = performance.now()
    next = Math.max(next, now)
    const wait = next - now
    next += gap
    if (wait > 0) await sleep(wait)
  }
}
