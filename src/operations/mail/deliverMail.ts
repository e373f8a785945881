import pLimit from 'p-limit'
import type { Payload, TaskConfig } from 'payload'

import { whileDelivering } from './adapter'
import type { MailStatus } from './mailKinds'
import { processSingleton } from '@/core/processSingleton'

export const MAIL_QUEUE = 'mail'
export const DELIVER_MAIL_TASK = 'deliverMail'

/**
 * Retries after the first attempt, with exponential backoff from one minute: 1, 2, 4 … 128
 * minutes, about four and a quarter hours in all, so a mail server down for an afternoon loses
 * nothing. After the last one the mail is `failed` and waits for an admin.
 */
export const MAIL_RETRIES = 8
export const MAIL_BACKOFF_MS = 60_000

/** How long a sent mail's record (address, subject, no body) is kept for admins to see. */
export const SENT_MAIL_KEPT_DAYS = 30

/** At most this many SMTP conversations at once in this process, whoever starts them. */
const connections = pLimit(3)

/**
 * Deliveries in progress by mail: a job that two runners claimed at once (possible on MongoDB,
 * whose claim is a find then an update) shares the first one's delivery instead of sending the
 * mail twice.
 */
const inFlight = () =>
  processSingleton('mail-in-flight', () => new Map<string, Promise<MailStatus | 'gone'>>())

const errorMessage = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 1000)

async function deliver(payload: Payload, id: string, attempt: number) {
  const mail = await payload.findByID({
    collection: 'mail-queue',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  // Purged (account deleted), already sent, or given up: nothing to send.
  if (!mail || mail.status !== 'queued') return 'gone'
  const record = (data: Record<string, unknown>) =>
    payload.update({
      collection: 'mail-queue',
      where: { id: { equals: id } },
      data: {
        attempts: (mail.attempts ?? 0) + 1,
        lastAttemptAt: new Date().toISOString(),
        ...data,
      },
      overrideAccess: true,
      depth: 0,
    })
  let result: { sent: boolean }
  try {
    result = (await connections(() =>
      whileDelivering(() =>
        payload.sendEmail({
          to: mail.to,
          subject: mail.subject,
          text: mail.text ?? undefined,
          html: mail.html ?? undefined,
        }),
      ),
    )) as { sent: boolean }
  } catch (error) {
    await record({
      status: attempt > MAIL_RETRIES ? 'failed' : 'queued',
      lastError: errorMessage(error),
    })
    throw error
  }
  // The body is deleted once it has done its work; the record says that and when.
  const status: MailStatus = result.sent ? 'sent' : 'skipped'
  await record({
    status,
    sentAt: result.sent ? new Date().toISOString() : null,
    text: null,
    html: null,
    lastError: null,
  })
  return status
}

/** Forgets sent mail after a while: addresses are personal data, kept no longer than useful. */
async function forgetOldSentMail(payload: Payload): Promise<void> {
  const before = new Date(Date.now() - SENT_MAIL_KEPT_DAYS * 24 * 60 * 60 * 1000).toISOString()
  await payload.db.deleteMany({
    collection: 'mail-queue',
    where: {
      and: [{ status: { in: ['sent', 'skipped'] } }, { updatedAt: { less_than: before } }],
    },
  })
}

/**
 * Delivers one queued mail (Payload job task): started right after the commit that queued it,
 * and retried by the cron of the `mail` queue with backoff when the server fails or refuses.
 * The mail server is never spoken to inside a transaction: a slow one delays this job alone.
 */
export const deliverMailTask: TaskConfig<{
  input: { mail: string }
  output: { outcome: string }
}> = {
  slug: DELIVER_MAIL_TASK,
  label: 'Deliver an e-mail',
  inputSchema: [{ name: 'mail', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: { attempts: MAIL_RETRIES, backoff: { type: 'exponential', delay: MAIL_BACKOFF_MS } },
  handler: async ({ input, job, req }) => {
    const attempt = (job.totalTried ?? 0) + 1
    const running = inFlight().get(input.mail)
    if (running) return { output: { outcome: await running } }
    const delivery = deliver(req.payload, input.mail, attempt)
    inFlight().set(input.mail, delivery)
    try {
      const outcome = await delivery
      if (outcome === 'sent') await forgetOldSentMail(req.payload)
      return { output: { outcome } }
    } finally {
      inFlight().delete(input.mail)
    }
  },
}
