import {
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
} from 'payload'

import { DELIVER_MAIL_TASK, MAIL_QUEUE } from '@/operations/mail/deliverMail'
import { scheduleDelivery } from '@/operations/mail/queue'

type Status = string | null | undefined

const isRetry = (before: Status, after: Status) => before === 'failed' && after === 'queued'

/**
 * What an admin may change: a failed mail's status back to `queued`, which sends it again.
 * Everything else about a mail is the server's record (the fields refuse updates themselves).
 */
export const allowOnlyRetry: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  // Mail is queued within someone's request; the delivery job records outcomes as the system.
  if (operation !== 'update' || !req.user) return data
  const before = originalDoc?.status as Status
  const after = (data.status as Status) ?? before
  if (after !== before && !isRetry(before, after)) {
    throw new ValidationError({
      errors: [
        {
          path: 'status',
          message: 'Only a failed mail can be queued again; nothing else changes.',
        },
      ],
    })
  }
  return data
}

/**
 * Sends a failed mail again: a new delivery job in the same transaction, started after the
 * commit. Its earlier jobs, which gave up, are deleted with it (failed mail jobs hold nothing the
 * queue does not, and would otherwise pile up).
 */
export const retryFailedMail: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (!req.user || !isRetry(previousDoc?.status as Status, doc.status as Status)) return doc
  await req.payload.db.deleteMany({
    collection: 'payload-jobs',
    where: {
      and: [
        { queue: { equals: MAIL_QUEUE } },
        { taskSlug: { equals: DELIVER_MAIL_TASK } },
        { hasError: { equals: true } },
      ],
    },
    req,
  })
  await scheduleDelivery(req, String(doc.id))
  return doc
}
