import pLimit from 'p-limit'
import type { Payload, TaskConfig } from 'payload'

import { processSingleton } from '@/core/processSingleton'
import type { MailQueue } from '@/payload-types'

import { whileDelivering } from './adapter'
import type { MailStatus } from './mailKinds'
import { writerOf, type OutgoingMail } from './writtenAtSend'

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

/**
 * What a recorded mail says: its own body, or one its kind's writer writes now (an update's copy
 * for its subscriber); null when what it announced is gone.
 */
async function messageOf(
  payload: Payload,
  mail: MailQueue,
  memo: Map<string, unknown>,
): Promise<OutgoingMail | null> {
  const writer = writerOf(mail.kind)
  if (writer) return writer(payload, mail, memo)
  return { subject: mail.subject, text: mail.text ?? '', html: mail.html ?? '' }
}

/** One conversation with the mail server, within the process's limit of three at once. */
const send = (payload: Payload, to: string, mail: OutgoingMail) =>
  connections(() =>
    whileDelivering(() =>
      payload.sendEmail({
        to,
        subject: mail.subject,
        text: mail.text || undefined,
        html: mail.html || undefined,
        headers: mail.headers,
      }),
    ),
  ) as Promise<{ sent: boolean }>

/**
 * Delivers one recorded mail, once: its own body, or one written now by its kind's writer (an
 * update's copy for its subscriber, src/operations/mail/writtenAtSend.ts). Returns `gone` when
 * there is nothing (left) to send, and throws when the server failed, after recording the attempt.
 */
export async function deliverRecordedMail(
  payload: Payload,
  id: string,
  attempt: number,
  memo: Map<string, unknown> = new Map(),
): Promise<MailStatus | 'gone'> {
  // The record is the server's own: read and written through the adapter, without the hooks,
  // access checks and validation an admin's change goes through (an update sends thousands).
  const mail = await payload.db.findOne<MailQueue>({
    collection: 'mail-queue',
    where: { id: { equals: id } },
  })
  // Purged (account deleted), already sent, or given up: nothing to send.
  if (!mail || mail.status !== 'queued') return 'gone'
  const record = (data: Partial<MailQueue>) =>
    payload.db.updateOne({
      collection: 'mail-queue',
      id,
      data: {
        attempts: (mail.attempts ?? 0) + 1,
        lastAttemptAt: new Date().toISOString(),
        ...data,
      },
      returning: false,
    })
  let result: { sent: boolean }
  try {
    // Inside the try: a writer that fails (its database read) counts as a failed attempt.
    const outgoing = await messageOf(payload, mail, memo)
    if (!outgoing) {
      await payload.db.deleteOne({ collection: 'mail-queue', where: { id: { equals: id } } })
      return 'gone'
    }
    result = await send(payload, mail.to, outgoing)
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
    const outcome = await deliverMailOnce(req.payload, input.mail, attempt)
    if (outcome === 'sent') await forgetOldSentMail(req.payload)
    return { output: { outcome } }
  },
}

/** `deliverRecordedMail`, shared with a delivery of the same mail already under way here. */
export async function deliverMailOnce(
  payload: Payload,
  id: string,
  attempt: number,
  memo?: Map<string, unknown>,
): Promise<MailStatus | 'gone'> {
  const running = inFlight().get(id)
  if (running) return running
  const delivery = deliverRecordedMail(payload, id, attempt, memo)
  inFlight().set(id, delivery)
  try {
    return await delivery
  } finally {
    inFlight().delete(id)
  }
}
