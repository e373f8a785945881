import type { PayloadRequest, TaskConfig } from 'payload'

import { signatureCount } from '@/operations/signatureCount'
import type { Webhook, WebhookDelivery } from '@/payload-types'

import { endpointDelivered, endpointFailed } from './endpointHealth'
import { postDelivery } from './post'
import { DELIVER_WEBHOOK_TASK } from './queue'
import { checkedReceiverAddress, ReceiverRefused } from './receiverAddress'
import { webhookSettings } from './settings'
import { signedHeaders } from './signature'

/**
 * Retries after the first attempt, with exponential backoff from one minute (1, 2, 4 … 128
 * minutes, about four and a quarter hours in all), as for mail: a receiver down for an afternoon
 * misses nothing. After the last one the delivery is `failed`.
 */
export const WEBHOOK_RETRIES = 8
export const WEBHOOK_BACKOFF_MS = 60_000

/** A receiver's answer that is not a 2xx: the delivery failed, with what came back. */
class ReceiverAnswered extends Error {
  constructor(
    readonly status: number,
    answer: string,
  ) {
    super(`the receiver answered ${status}${answer ? `: ${answer.slice(0, 300)}` : ''}`)
  }
}

const errorMessage = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 1000)

/**
 * The exact bytes of a delivery. A signature-count message is completed at its first attempt
 * (the count of that moment) and kept, so every retry sends, and signs, the same body.
 */
async function bodyOf(req: PayloadRequest, delivery: WebhookDelivery): Promise<string> {
  const body = delivery.body ?? '{}'
  if (delivery.event !== 'signature-count') return body
  const message = JSON.parse(body) as { timestamp: string | null; data: { count: unknown } }
  if (message.timestamp !== null) return body
  message.timestamp = new Date().toISOString()
  message.data.count = await signatureCount(req.payload)
  const completed = JSON.stringify(message)
  await req.payload.db.updateOne({
    collection: 'webhook-deliveries',
    id: delivery.id,
    data: { body: completed },
    req,
  })
  return completed
}

/** One attempt: the receiver's address checked, the body signed, sent, a 2xx expected. */
async function attemptDelivery(req: PayloadRequest, delivery: WebhookDelivery, endpoint: Webhook) {
  const { allowedNetworks, timeoutMs } = webhookSettings()
  const body = await bodyOf(req, delivery)
  const url = new URL(endpoint.url)
  const pinned = await checkedReceiverAddress(url, allowedNetworks)
  const headers = signedHeaders(endpoint.secret ?? '', delivery.messageId, body, new Date())
  const result = await postDelivery(url, pinned, headers, body, timeoutMs)
  if (result.status < 200 || result.status >= 300) {
    throw Object.assign(new ReceiverAnswered(result.status, result.answer), {
      durationMs: result.durationMs,
    })
  }
  return result
}

type Outcome = 'sent' | 'failed' | 'skipped' | 'gone'

const findDoc = <T>(
  req: PayloadRequest,
  collection: 'webhook-deliveries' | 'webhooks',
  id: string | number,
) =>
  req.payload.findByID({
    collection,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  }) as Promise<T | null>

/**
 * Writes what an attempt found out to the delivery's log entry: straight to the database, as
 * the server's own record (no hooks or validation to run), so a delivery costs the write path of
 * the next publish as little as it can.
 */
const recorder =
  (req: PayloadRequest, delivery: WebhookDelivery) => (data: Partial<WebhookDelivery>) =>
    req.payload.db.updateOne({
      collection: 'webhook-deliveries',
      id: delivery.id,
      data: {
        attempts: (delivery.attempts ?? 0) + 1,
        lastAttemptAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        ...data,
      },
      req,
    })

async function deliver(req: PayloadRequest, id: string, attempt: number): Promise<Outcome> {
  const delivery = await findDoc<WebhookDelivery>(req, 'webhook-deliveries', id)
  // Deleted by an admin, already delivered, or given up: nothing to send.
  if (!delivery || delivery.status !== 'queued') return 'gone'
  const endpoint = await findDoc<Webhook>(req, 'webhooks', delivery.endpoint as string | number)
  const record = recorder(req, delivery)
  if (!endpoint || endpoint.status !== 'active') {
    await record({
      status: 'skipped',
      attempts: delivery.attempts ?? 0,
      lastError: 'the endpoint is off or paused',
    })
    return 'skipped'
  }
  try {
    const result = await attemptDelivery(req, delivery, endpoint)
    await record({
      status: 'sent',
      lastStatusCode: result.status,
      durationMs: result.durationMs,
      deliveredAt: new Date().toISOString(),
      lastError: null,
    })
    await endpointDelivered(req, endpoint)
    return 'sent'
  } catch (error) {
    // A refused address will not become allowed by waiting: no retry for it.
    const final = attempt > WEBHOOK_RETRIES || error instanceof ReceiverRefused
    await record({
      status: final ? 'failed' : 'queued',
      lastStatusCode: error instanceof ReceiverAnswered ? error.status : null,
      durationMs: (error as { durationMs?: number }).durationMs ?? null,
      lastError: errorMessage(error),
    })
    if (!final) throw error
    await endpointFailed(req, endpoint, errorMessage(error))
    return 'failed'
  }
}

/**
 * Delivers one webhook message (Payload job task): started right after the commit that recorded
 * it, and retried by the cron of the `webhooks` queue with backoff when the receiver fails. The
 * receiver is never spoken to inside a writer's transaction: a slow one delays this job alone.
 */
export const deliverWebhookTask: TaskConfig<{
  input: { delivery: string }
  output: { outcome: string }
}> = {
  slug: DELIVER_WEBHOOK_TASK,
  label: 'Deliver a webhook message',
  inputSchema: [{ name: 'delivery', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  retries: {
    attempts: WEBHOOK_RETRIES,
    backoff: { type: 'exponential', delay: WEBHOOK_BACKOFF_MS },
  },
  handler: async ({ input, job, req }) => {
    const outcome = await deliver(req, input.delivery, (job.totalTried ?? 0) + 1)
    return { output: { outcome } }
  },
}
