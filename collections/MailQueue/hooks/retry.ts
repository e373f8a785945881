import { queuedAgainByAdmin } from '@/cms/hooks/queuedAgain'
import { DELIVER_MAIL_TASK, MAIL_QUEUE } from '@/operations/mail/deliverMail'
import { scheduleDelivery } from '@/operations/mail/queue'

/**
 * An admin sends a failed mail again by setting its status back to `queued`: a new delivery job
 * in the same transaction, started after the commit. Its earlier jobs, which gave up, are deleted
 * with it (failed mail jobs hold nothing the queue does not, and would otherwise pile up).
 */
export const retryFailedMail = queuedAgainByAdmin({
  from: (status) => status === 'failed',
  refusal: 'Only a failed mail can be queued again; nothing else changes.',
  queueAgain: async (req, id) => {
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
    await scheduleDelivery(req, id)
  },
})
