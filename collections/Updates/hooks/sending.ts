import {
  ValidationError,
  type CollectionAfterChangeHook,
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
export const guardSending: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
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
    const at = Date.parse(String(data.sendAt ?? originalDoc?.sendAt ?? ''))
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
  if (after === 'scheduled' || after === 'sending') {
    const subject = data.subject ?? originalDoc?.subject
    const body = data.body ?? originalDoc?.body
    if (!subject || !body) {
      refuse('body', inTheirLanguage(req, 'Erst Betreff und Text.', 'Subject and text first.'))
    }
  }
  return data
}

/**
 * Queues the send when an editor sends or schedules an update, in the same transaction: at its
 * time (the `updates` queue's cron runs it), or at once after the commit.
 */
export const queueSend: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const before = previousDoc?.status as UpdateStatus | undefined
  const after = doc.status as UpdateStatus
  if (after === before || (after !== 'scheduled' && after !== 'sending')) return doc
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
