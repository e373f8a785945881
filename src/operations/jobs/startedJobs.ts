import type { Payload } from 'payload'

import { processSingleton } from '@/core/processSingleton'
import { publishToReplicas } from '@/replicas/bus'

import { isJobRunner } from './jobRunner'

/** Bus topic: a replica that does not run jobs asks the one that does to run one now. */
export const RUN_JOB_TOPIC = 'jobs.run'

/** Jobs started after a commit and not yet finished (mail, webhooks), shared by both module worlds. */
const running = () => processSingleton('mail-deliveries', () => new Set<Promise<void>>())

/**
 * Runs one queued job now, in the background: called once the transaction that queued it has
 * committed, so a delivery starts right away rather than at the next cron tick (the cron is the
 * retry path). `jobs.run` claims the job only if nobody runs it already and it is due, so the
 * cron and this start never run the same attempt twice on SQLite, where claims take the writer's
 * turn. Failures are the job's business: it records them and is retried. A replica that does
 * not hold the job lease hands the job to the one that does (src/operations/jobs/lease.ts);
 * with nobody holding it for a moment, the next holder's cron runs it.
 */
export function runJobNow(payload: Payload, queue: string, job: string): void {
  if (!isJobRunner()) {
    void publishToReplicas(RUN_JOB_TOPIC, { queue, job })
    return
  }
  const run = payload.jobs
    .run({ queue, where: { id: { equals: job } }, limit: 1, silent: { info: true } })
    .then(
      () => undefined,
      (error: unknown) =>
        payload.logger.error({ msg: `starting a job of the ${queue} queue failed`, err: error }),
    )
  running().add(run)
  void run.finally(() => running().delete(run))
}

/**
 * Runs the due jobs of a queue now, in the background, as `runJobNow` runs one: at a start, for
 * long jobs a dead process left half done (an update's send), rather than at the next cron tick.
 */
export function runQueueNow(payload: Payload, queue: string, limit: number): void {
  if (!isJobRunner()) return
  const run = payload.jobs.run({ queue, limit, silent: { info: true } }).then(
    () => undefined,
    (error: unknown) =>
      payload.logger.error({ msg: `running the ${queue} queue failed`, err: error }),
  )
  running().add(run)
  void run.finally(() => running().delete(run))
}

/** Resolves once every job started so far has finished (tests, graceful shutdown). */
export async function startedJobsSettled(): Promise<void> {
  while (running().size > 0) await Promise.allSettled([...running()])
}

/**
 * Payload claims a job by setting `processing` and never gives it back if the process dies
 * while it runs, so a delivery cut short would never happen. Only the holder of the job lease
 * runs jobs (src/operations/jobs/lease.ts), so when a process becomes the holder no job can
 * really be running: each one still marked as processing (of `queue`, or of every queue) is
 * released to be run again.
 */
export async function releaseInterruptedJobs(payload: Payload, queue?: string): Promise<void> {
  await payload.db.updateJobs({
    where: queue
      ? { and: [{ queue: { equals: queue } }, { processing: { equals: true } }] }
      : { processing: { equals: true } },
    data: { processing: false },
    returning: false,
  })
}
