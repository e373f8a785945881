import type { CollectionAfterDeleteHook } from 'payload'

import { purgeMailTo } from '@/operations/mail/queue'

/**
 * A deleted account's mail goes with it, in the same transaction: nothing queued is sent to
 * the address afterwards, and no record of what was sent to it stays behind.
 */
export const purgeMailOfDeletedAccount: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const email = (doc as { email?: unknown }).email
  if (typeof email === 'string' && email) await purgeMailTo(req, email)
  return doc
}
