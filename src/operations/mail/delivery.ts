import type { Payload } from 'payload'

import { runJobNow, startedJobsSettled } from '@/operations/jobs/startedJobs'

import { MAIL_QUEUE } from './deliverMail'

/**
 * Runs one mail's delivery job now, once the transaction that queued it has committed
 * (src/operations/jobs/startedJobs.ts). On MongoDB, whose claim is a find then an update, the
 * delivery itself is guarded too (see `deliverMail.ts`).
 */
export function startDelivery(payload: Payload, job: string): void {
  runJobNow(payload, MAIL_QUEUE, job)
}

/** Resolves once every delivery started so far (mail and webhooks) has finished. */
export const deliveriesSettled = startedJobsSettled
