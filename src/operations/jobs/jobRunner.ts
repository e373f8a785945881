import { processSlot } from '@/core/processSingleton'

/** Until when this process holds the job lease (src/operations/jobs/lease.ts), in ms since the epoch. */
const heldUntil = processSlot<number>('job-lease-held-until')

/**
 * A job is not started on a lease about to lapse: another replica may take it over the moment it
 * does, and a job that started just before would then run twice.
 */
const MARGIN_MS = 1_500

/** Records the lease's new end (each renewal), or that this process no longer holds it. */
export function setJobLease(until: number | undefined): void {
  heldUntil.set(until)
}

/**
 * Whether this process runs the job queues now (scheduled publishing, mail, webhooks, purges).
 * Payload claims a job by setting `processing` and never recovers one whose process died, so
 * one replica at a time runs them: the holder of the job lease. Scripts (seed, generate, bench)
 * that start Payload on the same database hold none. Each Jest test process runs its own.
 */
export function isJobRunner(): boolean {
  if (process.env.NODE_ENV === 'test') return true
  const until = jobsStartUntil()
  return until !== undefined && until > Date.now()
}

/** Until when (ms since the epoch) the lease this process holds lets it start jobs; none held: undefined. */
export function jobsStartUntil(): number | undefined {
  const until = heldUntil.get()
  return until === undefined ? undefined : until - MARGIN_MS
}
