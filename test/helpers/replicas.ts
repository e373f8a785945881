import { onFreshConnection } from './freshConnection'

/** What `/readyz` says of the process that answered (src/process/health.ts). */
export type Replica = { name: string; pid: number; bus: string; jobRunner: boolean }

/**
 * Who answers `/readyz` on `count` fresh connections: under a supervisor, its workers in turn. A
 * connection the supervisor handed to a worker just as it died gets no answer (node's cluster
 * round-robin): it is left out.
 */
export async function replicasAnswering(url: string, count = 4): Promise<Replica[]> {
  const seen: Replica[] = []
  for (let i = 0; i < count; i++) {
    const answer = await onFreshConnection(`${url}/readyz`, { timeoutMs: 3_000 }).catch(() => null)
    if (answer?.status === 200) seen.push((JSON.parse(answer.body) as { replica: Replica }).replica)
  }
  return seen
}

/** The distinct processes among those seen. */
export const pidsOf = (seen: Replica[]): number[] =>
  [...new Set(seen.map((replica) => replica.pid))].sort()
