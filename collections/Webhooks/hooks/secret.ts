import type { CollectionBeforeChangeHook } from 'payload'

import { newWebhookSecret } from '@/operations/webhooks/signature'

/** Every endpoint gets its own secret when it is created; nobody types or changes one. */
export const giveSecret: CollectionBeforeChangeHook = ({ data, operation }) => {
  if (operation === 'create') return { ...data, secret: newWebhookSecret() }
  return data
}
