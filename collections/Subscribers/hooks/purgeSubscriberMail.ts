import type { CollectionAfterDeleteHook } from 'payload'

import { purgeMailTo } from '@/operations/mail/queue'

/**
 * An unsubscribed address leaves no copy of its subscription in the mail queue, and no update
 * still waiting for it goes out: those records go with the row, in the same transaction. Mail of
 * a signature with the same address is the signature's (it goes when the signature goes).
 */
export const purgeSubscriberMail: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const email = (doc as { email?: string | null }).email
  if (email) await purgeMailTo(req, email, ['subscription-confirmation', 'update'])
}
