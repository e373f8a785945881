import type { Payload, TaskConfig, Where } from 'payload'

import { inTransaction } from '@/cms/signatures/transaction'
import { readEnvironment } from '@/core/env'
import {
  DELIVER_MAIL_TASK,
  MAIL_BACKOFF_MS,
  MAIL_QUEUE,
  deliverMailOnce,
} from '@/operations/mail/deliverMail'
import { asLanguage, type Language } from '@/operations/mail/recipientLanguage'
import { writeAtSend } from '@/operations/mail/writtenAtSend'
import { processSingleton } from '@/core/processSingleton'

import { readUpdateTexts, type UpdateText } from './content'
import { pacer } from './pacer'
import { updateMessage } from './message'

export const UPDATES_QUEUE = 'updates'
export const SEND_UPDATE_TASK = 'sendUpdate'

/**
 * Subscribers given their mail in one transaction: one writer's turn, a moment, not a minute;
 * between batches readers get the thread (SQLite's client is synchronous).
 */
const BATCH = 200
/** A send stops (and its job retries later) after this many failed deliveries in a row. */
const FAILURES_IN_A_ROW = 20
/** Without a rate, as many SMTP conversations at once as the delivery job allows (3). */
const PARALLEL_WITHOUT_RATE = 3

writeAtSend('update', updateMessage)

type Progress = (message: string) => void

type Update = { id: string; cursor?: string | null; recipients?: number | null }
type Recipient = { id: string; email: string; language?: string | null }

/** The next batch of subscribers confirmed before the send began, past the cursor. */
async function nextRecipients(payload: Payload, update: Update, startedAt: string) {
  const where: Where[] = [
    { status: { equals: 'active' } },
    { confirmedAt: { less_than_equal: startedAt } },
  ]
  // Addresses are unique: their order is total on both adapters, whatever the ids are.
  if (update.cursor) where.push({ email: { greater_than: update.cursor } })
  const { docs } = await payload.find({
    collection: 'subscribers',
    where: { and: where },
    sort: 'email',
    limit: BATCH,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { email: true, language: true },
  })
  return docs as Recipient[]
}

/** One batch's mail records and the cursor past it, in one transaction; none left: done. */
async function recordBatch(
  payload: Payload,
  update: Update,
  texts: Record<Language, UpdateText>,
  batch: Recipient[],
): Promise<void> {
  await inTransaction(payload, true, async (req) => {
    for (const subscriber of batch) {
      const language = asLanguage(subscriber.language)
      await payload.db.create({
        collection: 'mail-queue',
        data: {
          to: subscriber.email,
          subject: texts[language].subject,
          kind: 'update',
          language,
          update: update.id,
          subscriber: subscriber.id,
          status: 'queued',
          attempts: 0,
        },
        req,
        returning: false,
      })
    }
    const last = batch.at(-1)
    await payload.db.updateOne({
      collection: 'updates',
      id: update.id,
      data: last
        ? { cursor: last.email, recipients: (update.recipients ?? 0) + batch.length }
        : { recipientsRecorded: true },
      req,
      returning: false,
    })
  })
}

/**
 * Gives every subscriber confirmed before the send began their mail record, in batches, each
 * batch and the cursor past it in one transaction: a kill between batches loses no one and
 * records no one twice; the next run goes on from the cursor.
 */
async function recordRecipients(payload: Payload, id: string, progress: Progress): Promise<void> {
  const texts = await readUpdateTexts(payload, id, readEnvironment().serverUrl)
  if (!texts) return
  for (;;) {
    const update = await payload.findByID({
      collection: 'updates',
      id,
      depth: 0,
      overrideAccess: true,
      // The cursor and whether recording is done are hidden from every API answer.
      showHiddenFields: true,
      disableErrors: true,
    })
    if (!update || update.recipientsRecorded || !update.startedAt) return
    const batch = await nextRecipients(payload, update, update.startedAt)
    await recordBatch(payload, update, texts, batch)
    await new Promise((resolve) => setImmediate(resolve))
    if (batch.length) progress(`recorded ${(update.recipients ?? 0) + batch.length} recipients`)
  }
}

/**
 * Sends the update's recorded mail not tried yet, in order, at the set rate. A mail that fails
 * goes to the mail queue's retries (backoff, then `failed` for an admin); one whose SMTP
 * conversation was cut by a kill is still `queued` with no attempt and is sent again by the next
 * run: the only repeat (SMTP has no idempotency).
 */
async function sendRecorded(payload: Payload, id: string, progress: Progress): Promise<number> {
  const pace = pacer(readEnvironment().updates.mailsPerSecond)
  const parallel = readEnvironment().updates.mailsPerSecond > 0 ? 1 : PARALLEL_WITHOUT_RATE
  const memo = new Map<string, unknown>()
  let sent = 0
  let failedInARow = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: 'mail-queue',
      where: {
        and: [
          { update: { equals: id } },
          { status: { equals: 'queued' } },
          { attempts: { equals: 0 } },
        ],
      },
      sort: 'id',
      limit: 100,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { status: true },
    })
    if (docs.length === 0) return sent
    let next = 0
    const worker = async () => {
      while (next < docs.length) {
        const mail = docs[next++]!
        await pace()
        try {
          const outcome = await deliverMailOnce(payload, String(mail.id), 1, memo)
          if (outcome === 'sent' || outcome === 'skipped') sent++
          failedInARow = 0
        } catch (error) {
          // Recorded as tried; its retries are queued once this run is through (`retryFailed`).
          // A server that refuses everything ends the run: the job's backoff applies, and the
          // mail not tried yet waits for it instead of being tried and failed in a burst.
          if (++failedInARow >= FAILURES_IN_A_ROW) throw error
        }
      }
    }
    await Promise.all(Array.from({ length: parallel }, worker))
    progress(`sent ${sent}`)
  }
}

/**
 * Queues the mail queue's retries (backoff, then `failed` for an admin) for the update's mail
 * that was tried and failed, whether in this run or in one a kill cut short before it got here.
 * A retry finds a mail sent meanwhile and does nothing, so queuing one twice is harmless.
 */
async function retryFailed(payload: Payload, id: string): Promise<void> {
  const { docs } = await payload.find({
    collection: 'mail-queue',
    where: {
      and: [
        { update: { equals: id } },
        { status: { equals: 'queued' } },
        { attempts: { greater_than: 0 } },
      ],
    },
    limit: 0,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { status: true },
  })
  for (const mail of docs) {
    await payload.jobs.queue({
      task: DELIVER_MAIL_TASK,
      queue: MAIL_QUEUE,
      input: { mail: String(mail.id) },
      waitUntil: new Date(Date.now() + MAIL_BACKOFF_MS),
    })
  }
}

/** Sends under way in this process, by update: a second job for one joins the first. */
const sendsRunning = () =>
  processSingleton('update-sends', () => new Map<string, Promise<string>>())

/**
 * Runs one update's send from wherever it stopped: started, recorded, sent, done. Two jobs for
 * one update (rescheduled, or claimed twice) never run it side by side in this process.
 */
export function sendUpdate(payload: Payload, id: string, progress?: Progress): Promise<string> {
  const running = sendsRunning().get(id)
  if (running) return running
  const send = sendFromWhereItStopped(payload, id, progress).finally(() =>
    sendsRunning().delete(id),
  )
  sendsRunning().set(id, send)
  return send
}

async function sendFromWhereItStopped(
  payload: Payload,
  id: string,
  progress: Progress = () => undefined,
): Promise<string> {
  const update = await payload.findByID({
    collection: 'updates',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!update) return 'gone'
  if (update.status === 'sent' || update.status === 'draft') return update.status
  if (
    update.status === 'scheduled' &&
    !(update.sendAt && Date.parse(update.sendAt) <= Date.now())
  ) {
    return 'not yet'
  }
  if (update.status !== 'sending' || !update.startedAt) {
    await payload.db.updateOne({
      collection: 'updates',
      id: update.id,
      data: { status: 'sending', startedAt: update.startedAt ?? new Date().toISOString() },
      returning: false,
    })
  }
  await recordRecipients(payload, id, progress)
  const sent = await sendRecorded(payload, id, progress)
  await retryFailed(payload, id)
  // Deleted while it was being sent: its waiting mail went with it (collections/Updates).
  if (!(await payload.count({ collection: 'updates', where: { id: { equals: id } } })).totalDocs) {
    return 'gone'
  }
  await payload.db.updateOne({
    collection: 'updates',
    id: update.id,
    data: { status: 'sent', finishedAt: new Date().toISOString() },
    returning: false,
  })
  return `sent ${sent}`
}

/**
 * Sends an update (Payload job task, queue `updates`): queued when an editor sends it, to run at
 * once or at its time. Its progress is in the database (recorded recipients, each mail's
 * status), so a run cut short by a kill or a deploy goes on where it stopped: the start releases
 * and restarts it (src/process/bootstrap.ts).
 */
export const sendUpdateTask: TaskConfig<{
  input: { update: string }
  output: { outcome: string }
}> = {
  slug: SEND_UPDATE_TASK,
  label: 'Send an update to its subscribers',
  inputSchema: [{ name: 'update', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: MAIL_BACKOFF_MS } },
  handler: async ({ input, req }) => ({
    output: { outcome: await sendUpdate(req.payload, input.update) },
  }),
}
