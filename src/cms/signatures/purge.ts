import { createLocalReq, type Payload, type TaskConfig } from 'payload'

import { PUBLIC_READS_UNCHANGED } from '@/data/changes/invalidation'

export const PURGE_SIGNATURES_TASK = 'purgeSignatures'
/** How often unconfirmed signatures past their link's expiry are deleted. */
const EVERY_MS = 60 * 60 * 1000

/**
 * Deletes what the flow no longer needs: unconfirmed signatures whose confirmation link has
 * expired (with their mail, through the collection's delete hook), the record of forms that
 * have expired anyway, and subscriptions never confirmed in time. None is ever in a public answer.
 */
export async function purgeExpiredSignatures(
  payload: Payload,
  now = new Date(),
): Promise<{ signatures: number; forms: number; subscriptions: number }> {
  const req = await createLocalReq({ context: { [PUBLIC_READS_UNCHANGED]: true } }, payload)
  const expired = await payload.delete({
    collection: 'signatories',
    where: {
      and: [
        { status: { equals: 'unconfirmed' } },
        { confirmExpiresAt: { less_than: now.toISOString() } },
      ],
    },
    req,
    overrideAccess: true,
    depth: 0,
  })
  const forms = await payload.delete({
    collection: 'signature-forms',
    where: { expiresAt: { less_than: now.toISOString() } },
    req,
    overrideAccess: true,
    depth: 0,
  })
  // Addresses entered in the subscribe form and never confirmed (src/cms/subscriptions/).
  const subscriptions = await payload.delete({
    collection: 'subscribers',
    where: {
      and: [
        { status: { equals: 'pending' } },
        { confirmExpiresAt: { less_than: now.toISOString() } },
      ],
    },
    req,
    overrideAccess: true,
    depth: 0,
  })
  return {
    signatures: expired.docs.length,
    forms: forms.docs.length,
    subscriptions: subscriptions.docs.length,
  }
}

const queueNext = (payload: Payload, at: Date) =>
  payload.jobs.queue({ task: PURGE_SIGNATURES_TASK, input: {}, waitUntil: at })

/**
 * The purge as a job on the default queue (run by the once-a-minute cron in the server
 * process). Each run queues the next one an hour later, so it keeps going without Payload's
 * scheduler; the start queues one when none is waiting (`ensurePurgeQueued`).
 */
export const purgeSignaturesTask: TaskConfig<{ input: object; output: { deleted: number } }> = {
  slug: PURGE_SIGNATURES_TASK,
  label: 'Delete expired unconfirmed signatures',
  inputSchema: [],
  outputSchema: [{ name: 'deleted', type: 'number' }],
  handler: async ({ req }) => {
    const { signatures } = await purgeExpiredSignatures(req.payload)
    await queueNext(req.payload, new Date(Date.now() + EVERY_MS))
    return { output: { deleted: signatures } }
  },
}

/** Queues the purge unless a run is already waiting (each start calls this). */
export async function ensurePurgeQueued(payload: Payload): Promise<void> {
  const waiting = await payload.count({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: PURGE_SIGNATURES_TASK } },
        { completedAt: { exists: false } },
        { hasError: { not_equals: true } },
      ],
    },
    overrideAccess: true,
  })
  if (waiting.totalDocs === 0) await queueNext(payload, new Date())
}
