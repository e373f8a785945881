import type { CollectionAfterDeleteHook } from 'payload'

import { endSubscriptionOf } from '@/cms/subscriptions/flow'

/** A withdrawn (or deleted) signature ends its address's subscription to the updates at once. */
export const endSignerSubscription: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const email = (doc as { email?: string | null }).email
  if (email) await endSubscriptionOf(req, email)
}
