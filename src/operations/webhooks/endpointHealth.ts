import type { PayloadRequest } from 'payload'

import { queueMailToUser, usersWithRole } from '@/operations/mail/queue'
import { webhookPausedMail } from '@/operations/mail/texts/webhookPaused'
import type { Webhook } from '@/payload-types'

import { webhookSettings } from './settings'

/** A delivery went through: the endpoint's run of failures ends. */
export async function endpointDelivered(req: PayloadRequest, endpoint: Webhook): Promise<void> {
  // The server's own record, straight to the database (no hooks to run).
  await req.payload.db.updateOne({
    collection: 'webhooks',
    id: endpoint.id,
    data: { consecutiveFailures: 0, lastDeliveryAt: new Date().toISOString() },
    req,
  })
}

/**
 * A delivery failed for good (after all its retries). After WEBHOOK_PAUSE_AFTER_FAILURES of
 * them in a row the endpoint is paused, so a receiver that is gone stops costing retries, and
 * every admin is told by mail in their language.
 */
export async function endpointFailed(
  req: PayloadRequest,
  endpoint: Webhook,
  lastError: string,
): Promise<void> {
  const { payload } = req
  const failures = (endpoint.consecutiveFailures ?? 0) + 1
  const { pauseAfterFailures, serverUrl } = webhookSettings()
  const pause = failures >= pauseAfterFailures && endpoint.status === 'active'
  await payload.update({
    collection: 'webhooks',
    id: endpoint.id,
    data: { consecutiveFailures: failures, ...(pause ? { status: 'paused' as const } : {}) },
    overrideAccess: true,
    depth: 0,
    req,
  })
  if (!pause) return
  payload.logger.warn({ msg: 'webhook paused after failing deliveries', webhook: endpoint.id })
  for (const admin of await usersWithRole(req, 'admin')) {
    await queueMailToUser(req, admin, 'webhook-paused', (language) =>
      webhookPausedMail(language, {
        adminName: admin.name,
        name: endpoint.name,
        url: endpoint.url,
        failures,
        lastError,
        link: `${serverUrl}/admin/collections/webhooks/${endpoint.id}`,
      }),
    )
  }
}
