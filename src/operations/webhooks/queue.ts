import { randomUUID } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { tagsOfChange } from '@/data/changes/cacheTags'
import { afterCommit } from '@/data/adapter/afterCommit'
import { runJobNow } from '@/operations/jobs/startedJobs'
import type { Webhook } from '@/payload-types'

import {
  eventType,
  webhookEvents,
  type ContentEvent,
  type WebhookEvent,
  type WebhookSource,
} from './events'

export const WEBHOOK_QUEUE = 'webhooks'
export const DELIVER_WEBHOOK_TASK = 'deliverWebhook'

/** A portal has a handful of endpoints; more than this many active ones are not served. */
const ENDPOINTS_READ = 100

/** What a content event's body says (docs/webhooks.md, "The body"). */
export type ContentChange = {
  event: ContentEvent
  /** The collection or global. */
  source: WebhookSource
  kind: 'collection' | 'global'
  id?: string
  slug?: string | null
  locales: string[]
  /** Whether the public could read it before the change and can after it. */
  public: { before: boolean; after: boolean }
  tags: string[]
  paths: string[]
}

/** Where a request keeps the active endpoints it read: a write's hooks ask more than once. */
const ACTIVE_ENDPOINTS = 'webhooks:active-endpoints'

/** The active endpoints, read once per request (a portal has a handful). */
async function activeEndpoints(req: PayloadRequest): Promise<Webhook[]> {
  const kept = req.context[ACTIVE_ENDPOINTS] as Webhook[] | undefined
  if (kept) return kept
  const { docs } = await req.payload.find({
    collection: 'webhooks',
    where: { status: { equals: 'active' } },
    limit: ENDPOINTS_READ,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  req.context[ACTIVE_ENDPOINTS] = docs
  return docs
}

const wants = (endpoint: Webhook, event: WebhookEvent, source?: WebhookSource) =>
  Boolean(endpoint.events?.includes(event)) &&
  (!source || !endpoint.sources?.length || endpoint.sources.includes(source))

/** The active endpoints that subscribed to `event` (for content: of `source`). */
async function subscribers(
  req: PayloadRequest,
  event: WebhookEvent,
  source?: WebhookSource,
): Promise<Webhook[]> {
  return (await activeEndpoints(req)).filter((endpoint) => wants(endpoint, event, source))
}

/**
 * Whether any active endpoint wants content events of `source`: without one, a write costs
 * this one read and nothing more (its state before and after is not read).
 */
export async function anyoneListensTo(
  req: PayloadRequest,
  source: WebhookSource,
): Promise<boolean> {
  return (await activeEndpoints(req)).some((endpoint) =>
    webhookEvents.some((event) => event !== 'signature-count' && wants(endpoint, event, source)),
  )
}

/**
 * Records one delivery and its job in `req`'s transaction, and starts the job once the
 * transaction has committed (or at `waitUntil`; the cron runs it then in any case). A change that
 * rolls back leaves no delivery; one that commits cannot lose its delivery.
 */
async function queueDelivery(
  req: PayloadRequest,
  endpoint: Webhook,
  delivery: { event: WebhookEvent; summary: string; body: string },
  waitUntil?: Date,
): Promise<void> {
  const recorded = await req.payload.create({
    collection: 'webhook-deliveries',
    data: {
      ...delivery,
      endpoint: endpoint.id,
      messageId: `msg_${randomUUID().replaceAll('-', '')}`,
      status: 'queued',
      attempts: 0,
    },
    req,
    overrideAccess: true,
    depth: 0,
  })
  await scheduleWebhookDelivery(req, String(recorded.id), waitUntil)
}

/** Queues the job that delivers `delivery`, started after the commit (or when it is due). */
export async function scheduleWebhookDelivery(
  req: PayloadRequest,
  delivery: string,
  waitUntil?: Date,
): Promise<void> {
  const job = await req.payload.jobs.queue({
    task: DELIVER_WEBHOOK_TASK,
    queue: WEBHOOK_QUEUE,
    input: { delivery },
    ...(waitUntil ? { waitUntil } : {}),
    req,
  })
  const payload = req.payload
  const start = () => runJobNow(payload, WEBHOOK_QUEUE, String(job.id))
  await afterCommit(req, () => {
    const wait = waitUntil ? waitUntil.getTime() - Date.now() : 0
    if (wait <= 0) start()
    // A process that dies before then leaves the job to the next one's cron.
    else setTimeout(start, wait).unref()
  })
}

const summaryOf = (change: ContentChange): string =>
  [eventType(change.event), change.source, change.slug ?? change.id].filter(Boolean).join(' ')

/** Records a delivery of a content change for every endpoint that subscribed to it. */
export async function recordContentChange(
  req: PayloadRequest,
  change: ContentChange,
): Promise<void> {
  const endpoints = await subscribers(req, change.event, change.source)
  if (endpoints.length === 0) return
  const { event, source, kind, ...rest } = change
  // What changed is named as Payload names it: a collection, or a global.
  const named = kind === 'collection' ? { collection: source } : { global: source }
  const body = JSON.stringify({
    type: eventType(event),
    timestamp: new Date().toISOString(),
    data: { operation: event, ...named, ...rest },
  })
  for (const endpoint of endpoints) {
    await queueDelivery(req, endpoint, { event, summary: summaryOf(change), body })
  }
}

/**
 * Records a change of the signature count for every endpoint that wants it, at most one
 * delivery per endpoint in `intervalSeconds`: while one waits, it will carry the count of the
 * moment it goes out (its body is completed then), so a later change adds nothing; otherwise
 * the new one waits until the interval since the last one has passed.
 */
export async function recordCountChange(
  req: PayloadRequest,
  paths: string[],
  intervalSeconds: number,
): Promise<void> {
  for (const endpoint of await subscribers(req, 'signature-count')) {
    const { docs } = await req.payload.find({
      collection: 'webhook-deliveries',
      where: {
        and: [{ endpoint: { equals: endpoint.id } }, { event: { equals: 'signature-count' } }],
      },
      sort: '-createdAt',
      limit: 1,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const last = docs[0]
    if (last?.status === 'queued') continue
    const lastAt = last ? Date.parse(last.lastAttemptAt ?? last.createdAt) : 0
    const due = lastAt + intervalSeconds * 1000
    const body = JSON.stringify({
      type: eventType('signature-count'),
      timestamp: null,
      data: {
        count: null,
        tags: tagsOfChange({ kind: 'collection', collection: 'signatories' }),
        paths,
      },
    })
    await queueDelivery(
      req,
      endpoint,
      { event: 'signature-count', summary: eventType('signature-count'), body },
      due > Date.now() ? new Date(due) : undefined,
    )
  }
}
