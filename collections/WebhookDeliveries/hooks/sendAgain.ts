import {
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
} from 'payload'

import { scheduleWebhookDelivery } from '@/operations/webhooks/queue'

type Status = string | null | undefined

/** Any delivery that is not waiting may be sent again, a delivered one too (a receiver lost it). */
const isSendingAgain = (before: Status, after: Status) => before !== 'queued' && after === 'queued'

/**
 * What an admin may change: a delivery's status back to `queued`, which sends the same message
 * (same `webhook-id`, same body, a fresh signature) again. The rest is the server's record.
 */
export const allowOnlySendingAgain: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !req.user) return data
  const before = originalDoc?.status as Status
  const after = (data.status as Status) ?? before
  if (after !== before && !isSendingAgain(before, after)) {
    throw new ValidationError({
      errors: [
        {
          path: 'status',
          message: 'Only a delivery that is not waiting can be queued again; nothing else changes.',
        },
      ],
    })
  }
  return data
}

/** Sends a delivery again: a new job in the same transaction, started after the commit. */
export const sendAgain: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (!req.user || !isSendingAgain(previousDoc?.status as Status, doc.status as Status)) return doc
  await scheduleWebhookDelivery(req, String(doc.id))
  return doc
}
