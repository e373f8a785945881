/**
 * The readers of the load scenarios (bench/hostile.ts, bench/editorial.ts): autocannon on each
 * target at once, and figures that are medians over alternating rounds.
 */
import autocannon from 'autocannon'

import { verify, type Target } from './load'

export type ReaderFigures = {
  target: string
  requestsPerSecond: number
  p99Ms: number
  /** Answers that were not 2xx (a reader limited or refused). */
  non2xx: number
}
export function runReaders(url: string, targets: Target[], seconds: number, connections = 5) {
  return Promise.all(
    targets.map((target) =>
      autocannon({
        url: url + target.path,
        method: target.method,
        headers: target.headers,
        body: target.body,
        connections,
        duration: seconds,
      }),
    ),
  )
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** Per reader, the median of its rounds' req/s and p99 and the sum of its non-2xx. */
export function medians(rounds: ReaderFigures[][]): ReaderFigures[] {
  return rounds[0]!.map((first, i) => ({
    target: first.target,
    requestsPerSecond: median(rounds.map((round) => round[i]!.requestsPerSecond)),
    p99Ms: median(rounds.map((round) => round[i]!.p99Ms)),
    non2xx: rounds.reduce((sum, round) => sum + round[i]!.non2xx, 0),
  }))
}

export const figures = (targets: Target[], results: autocannon.Result[]): ReaderFigures[] =>
  results.map((result, i) => ({
    target: targets[i]!.name,
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
  }))

/**
 * Checks each target twice (the second answer comes from the cache). Under the production limits
 * a refusal (429 or 503) is waited out.
 */
export async function warmUp(url: string, targets: Target[]): Promise<void> {
  for (const target of targets) {
    for (let attempt = 0; ; attempt++) {
      try {
        await verify(url, target)
        await verify(url, target)
        break
      } catch (error) {
        if (attempt > 10 || !/status (429|503)/.test(String(error))) throw error
        await new Promise((resolve) => setTimeout(resolve, 1000))
      }
    }
  }
}
