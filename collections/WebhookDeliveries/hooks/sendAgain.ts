import { queuedAgainByAdmin } from '@/cms/hooks/queuedAgain'
import { scheduleWebhookDelivery } from '@/operations/webhooks/queue'

/**
 * An admin sends any delivery that is not waiting again, a delivered one too (a receiver lost
 * it), by setting its status back to `queued`: the same message (same `webhook-id`, same body,
 * a fresh signature), from a new job in the same transaction, started after the commit.
 */
export const sendAgain = queuedAgainByAdmin({
  from: () => true,
  refusal: 'Only a delivery that is not waiting can be queued again; nothing else changes.',
  queueAgain: (req, id) => scheduleWebhookDelivery(req, id),
})
