import type { Payload, Where } from 'payload'

import { MAIL_QUEUE } from '@/operations/mail/deliverMail'

import type { QueueFigures, QueueSnapshot } from '@/observability/metrics/definitions'

/** The job queues the portal runs (src/payload.config.ts `jobs.autoRun`). */
const JOB_QUEUES = ['default', MAIL_QUEUE]

type Collection = 'payload-jobs' | 'mail-queue'

async function figures(
  payload: Payload,
  collection: Collection,
  pending: Where,
  failed: Where,
  now: number,
): Promise<QueueFigures> {
  const [pendingCount, failedCount, oldest] = await Promise.all([
    payload.count({ collection, where: pending, overrideAccess: true }),
    payload.count({ collection, where: failed, overrideAccess: true }),
    payload.find({
      collection,
      where: pending,
      sort: 'createdAt',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      select: { createdAt: true },
    }),
  ])
  const createdAt = oldest.docs[0]?.createdAt
  return {
    pending: pendingCount.totalDocs,
    failed: failedCount.totalDocs,
    oldestPendingAgeSeconds: createdAt ? Math.max(0, (now - Date.parse(createdAt)) / 1000) : 0,
  }
}

/**
 * Reads the job and mail queues with a few indexed queries (counts, and the oldest pending
 * entry). The gauges of one scrape (and scrapes at the same moment) share one read in flight;
 * the next scrape reads anew.
 */
export function queueReader(payload: Payload): () => Promise<QueueSnapshot> {
  let inFlight: Promise<QueueSnapshot> | undefined
  return () => {
    inFlight ??= read(payload, Date.now()).finally(() => {
      inFlight = undefined
    })
    return inFlight
  }
}

async function read(payload: Payload, now: number): Promise<QueueSnapshot> {
  const jobs = await Promise.all(
    JOB_QUEUES.map(async (queue) => ({
      queue,
      ...(await figures(
        payload,
        'payload-jobs',
        {
          queue: { equals: queue },
          completedAt: { exists: false },
          hasError: { not_equals: true },
          // Due: a scheduled publish next week is not waiting yet, a retry past its time is.
          or: [
            { waitUntil: { exists: false } },
            { waitUntil: { less_than_equal: new Date(now).toISOString() } },
          ],
        },
        { queue: { equals: queue }, hasError: { equals: true } },
        now,
      )),
    })),
  )
  const mail = await figures(
    payload,
    'mail-queue',
    { status: { equals: 'queued' } },
    { status: { equals: 'failed' } },
    now,
  )
  return { jobs, mail }
}
