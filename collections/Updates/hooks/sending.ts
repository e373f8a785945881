import {
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionBeforeChangeHook,
  type PayloadRequest,
} from 'payload'

import { SEND_UPDATE_TASK, UPDATES_QUEUE } from '@/cms/updates/sendUpdate'
import { editorMoves, type UpdateStatus } from '@/cms/updates/statuses'
import { afterCommit } from '@/data/adapter/afterCommit'
import { runJobNow } from '@/operations/jobs/startedJobs'

const refuse = (path: string, message: string): never => {
  throw new ValidationError({ errors: [{ path, message }] })
}

/** The editor's admin language: German unless they chose English. */
const inTheirLanguage = (req: PayloadRequest, de: string, en: string) =>
  req.i18n?.language === 'en' ? en : de

/**
 * What an editor may do to an update: move its status only as `editorMoves` allows, schedule it
 * only for a time to come, and change nothing once it is being sent (its subscribers already
 * have their copies recorded).
 */
export const guardSending: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!req.user) return data
  const before = (originalDoc?.status ?? 'draft') as UpdateStatus
  const after = (data.status ?? before) as UpdateStatus
  if (operation === 'update' && (before === 'sending' || before === 'sent')) {
    refuse('status', req.t('error:notAllowedToPerformAction'))
  }
  if (after !== before && !editorMoves[before].includes(after)) {
    refuse(
      'status',
      inTheirLanguage(
        req,
        `„${before}“ → „${after}“: Diese Änderung nimmt die Redaktion nicht vor.`,
        `“${before}” → “${after}”: not a change an editor makes.`,
      ),
    )
  }
  if (after === 'scheduled') {
    // A cleared date is null in `data`: it counts as cleared, not as the stored one.
    const sendAt = 'sendAt' in data ? data.sendAt : originalDoc?.sendAt
    const at = Date.parse(String(sendAt ?? ''))
    if (!Number.isFinite(at) || at <= Date.now()) {
      refuse(
        'sendAt',
        inTheirLanguage(
          req,
          'Ein geplanter Versand braucht einen künftigen Zeitpunkt.',
          'A scheduled update needs a time to come.',
        ),
      )
    }
  }
  if (after === 'scheduled' || after === 'sending') await requireGermanText(data, originalDoc, req)
  return data
}

/**
 * Every subscriber without a text in their own language gets the German one, so an update is
 * sent or scheduled only with a German subject and text, whichever locale the editor is in.
 */
async function requireGermanText(
  data: Record<string, unknown>,
  originalDoc: { id?: unknown } | undefined,
  req: PayloadRequest,
): Promise<void> {
  const editingGerman = (req.locale ?? 'de') === 'de'
  const stored = originalDoc?.id
    ? await req.payload.findByID({
        collection: 'updates',
        id: String(originalDoc.id),
        locale: 'de',
        fallbackLocale: false,
        depth: 0,
        overrideAccess: true,
        req,
      })
    : null
  const subject = (editingGerman ? data.subject : undefined) ?? stored?.subject
  const body = (editingGerman ? data.body : undefined) ?? stored?.body
  if (!subject || !body) {
    refuse(
      'body',
      inTheirLanguage(
        req,
        'Erst Betreff und Text auf Deutsch: Wer keine eigene Sprache hat, liest sie.',
        'German subject and text first: subscribers without their own language read them.',
      ),
    )
  }
}

/**
 * Queues the send when an editor sends, schedules or reschedules an update, in the same
 * transaction: at its time (the `updates` queue's cron runs it), or at once after the commit.
 */
export const queueSend: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const before = previousDoc?.status as UpdateStatus | undefined
  const after = doc.status as UpdateStatus
  // A scheduled update given another time gets a job at that time (one at the old time finds
  // the time not yet come, or the update sent, and does nothing).
  const rescheduled =
    after === 'scheduled' && before === after && doc.sendAt !== previousDoc?.sendAt
  if ((after === before && !rescheduled) || (after !== 'scheduled' && after !== 'sending')) {
    return doc
  }
  const job = await req.payload.jobs.queue({
    task: SEND_UPDATE_TASK,
    queue: UPDATES_QUEUE,
    input: { update: String(doc.id) },
    waitUntil: after === 'scheduled' && doc.sendAt ? new Date(doc.sendAt) : undefined,
    req,
  })
  if (after === 'sending') {
    await afterCommit(req, () => runJobNow(req.payload, UPDATES_QUEUE, String(job.id)))
  }
  return doc
}

/**
 * A deleted update sends nothing more: its mail still waiting goes with it (the send then finds
 * nothing left and ends), and no address stays queued for an update that no longer exists.
 */
export const dropWaitingMail: CollectionAfterDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({
    collection: 'mail-queue',
    where: { and: [{ update: { equals: String(id) } }, { status: { equals: 'queued' } }] },
    req,
  })
}
