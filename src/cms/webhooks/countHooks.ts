import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { locales } from '@/core/locales'
import { recordCountChange } from '@/operations/webhooks/queue'
import { webhookSettings } from '@/operations/webhooks/settings'

import { countPaths } from './affectedPaths'

/** The public count is of approved signatures (src/operations/signatureCount.ts). */
const counted = (doc: { status?: unknown } | null | undefined) => doc?.status === 'approved'

const recordCount = (req: PayloadRequest) =>
  recordCountChange(
    req,
    countPaths(locales.map(({ code }) => code)),
    webhookSettings().countIntervalSeconds,
  )

/** A signature that starts or stops being counted changes the count: webhooks hear of it. */
export const signatureCountChanged: CollectionAfterChangeHook = async ({
  doc,
  operation,
  previousDoc,
  req,
}) => {
  const before = operation === 'update' && counted(previousDoc)
  if (before !== counted(doc)) await recordCount(req)
  return doc
}

export const countedSignatureDeleted: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (counted(doc)) await recordCount(req)
}
