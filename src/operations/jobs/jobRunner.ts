import { processSlot } from '@/core/processSingleton'

const runner = processSlot<true>('job-runner')

/**
 * Makes this process the one that runs the job queues on their crons (scheduled publishing,
 * mail retries). Payload claims a job by setting `processing` (a race between processes) and
 * never recovers one whose process died, so exactly one process may run them: the server.
 * Scripts (seed, generate, bench) that start Payload on the same database must not.
 */
export function becomeJobRunner(): void {
  runner.set(true)
}

/** The server, and each Jest test process on its own database. */
export function isJobRunner(): boolean {
  return runner.get() === true || process.env.NODE_ENV === 'test'
}
