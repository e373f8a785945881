import type { Payload } from 'payload'

import { MAIL_QUEUE } from './deliverMail'
import { processSingleton } from '@/core/processSingleton'

/** Deliveries started after a commit and not yet finished, shared by both module worlds. */
const running = () => processSingleton('mail-deliveries', () => new Set<Promise<void>>())

/**
 * Runs one mail's delivery job now, in the background: called once the transaction that queued
 * it has committed. `jobs.run` claims the job only if nobody runs it already and it is due, so
 * the cron (the retry path) and this start never deliver the same attempt twice on SQLite,
 * where claims take the writer's turn; on MongoDB the delivery itself is guarded too (see
 * `deliverMail.ts`). Failures are the job's business: it records them and is retried.
 */
export function startDelivery(payload: Payload, job: string): void {
  const delivery = payload.jobs
    .run({ queue: MAIL_QUEUE, where: { id: { equals: job } }, limit: 1, silent: { info: true } })
    .then(
      () => undefined,
      (error: unknown) =>
        payload.logger.error({ msg: 'starting a mail delivery failed', err: error }),
    )
  running().add(delivery)
  void delivery.finally(() => running().delete(delivery))
}

/** Resolves once every delivery started so far has finished (tests, graceful shutdown). */
export async function deliveriesSettled(): Promise<void> {
  while (running().size > 0) await Promise.allSettled([...running()])
}

/**
 * Payload claims a job by setting `processing` and never gives it back if the process dies
 * while it runs, so a mail whose delivery was cut short would never be sent. Jobs run in this
 * one process only (architecture.md), so at start no mail job can really be running: each one
 * still marked as processing is released to be run again.
 */
export async function releaseInterruptedMailJobs(payload: Payload): Promise<void> {
  await payload.db.updateJobs({
    where: { and: [{ queue: { equals: MAIL_QUEUE } }, { processing: { equals: true } }] },
    data: { processing: false },
    returning: false,
  })
}
