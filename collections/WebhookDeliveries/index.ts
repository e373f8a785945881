import type { CollectionConfig } from 'payload'

import { collectionAccess } from '@/cms/access/fromMatrix'
import { actorOf } from '@/cms/access/matrix'
import { groups, label } from '@/cms/labels'
import {
  deliveryStatusLabels,
  deliveryStatuses,
  webhookEventLabels,
  webhookEvents,
} from '@/operations/webhooks/events'

import { sendAgain } from './hooks/sendAgain'

const readOnly = { readOnly: true } as const
/** The server's record; only `status` is ever changed by a person (to send again). */
const serverOnly = { create: () => false, update: () => false } as const
const sidebar = { ...readOnly, position: 'sidebar' } as const
const moment = { ...sidebar, date: { pickerAppearance: 'dayAndTime' } } as const

/**
 * The delivery log: one entry per webhook message, recorded inside the transaction of the change
 * that causes it and sent after the commit by the `deliverWebhook` job
 * (src/operations/webhooks/). Admins see what was sent, when, how often and what came back.
 */
export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: {
    singular: label('Webhook-Zustellung', 'Webhook delivery'),
    plural: label('Webhook-Zustellungen', 'Webhook deliveries'),
  },
  graphQL: false,
  access: { ...collectionAccess('webhook-deliveries'), create: () => false },
  hooks: { beforeChange: [sendAgain.beforeChange], afterChange: [sendAgain.afterChange] },
  defaultSort: '-createdAt',
  admin: {
    group: groups.system,
    hidden: ({ user }) => actorOf(user as { role?: string } | null) !== 'admin',
    useAsTitle: 'summary',
    defaultColumns: ['summary', 'endpoint', 'status', 'attempts', 'lastStatusCode', 'createdAt'],
    description: label(
      'Jede Nachricht an einen Webhook: wartend, zugestellt oder fehlgeschlagen. Um eine ' +
        'erneut zu senden, setzen Sie ihren Status auf „wartet“.',
      'Every message to a webhook: waiting, delivered or failed. To send one again, set its ' +
        'status to “queued”.',
    ),
  },
  fields: [
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      options: deliveryStatuses.map((value) => ({ label: deliveryStatusLabels[value], value })),
      label: label('Status', 'Status'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'summary',
      type: 'text',
      label: label('Änderung', 'Change'),
      access: serverOnly,
      admin: readOnly,
    },
    {
      name: 'endpoint',
      type: 'relationship',
      relationTo: 'webhooks',
      required: true,
      index: true,
      label: label('Webhook', 'Webhook'),
      access: serverOnly,
      admin: readOnly,
    },
    {
      name: 'event',
      type: 'select',
      required: true,
      index: true,
      options: webhookEvents.map((value) => ({ label: webhookEventLabels[value], value })),
      label: label('Ereignis', 'Event'),
      access: serverOnly,
      admin: sidebar,
    },
    {
      // The `webhook-id` header: the same for every attempt, so a receiver drops repeats.
      name: 'messageId',
      type: 'text',
      required: true,
      unique: true,
      label: label('Nachrichten-ID', 'Message id'),
      access: serverOnly,
      admin: sidebar,
    },
    {
      // The exact bytes sent (and signed); the same for every attempt. A signature-count message
      // is written at its first attempt, so it carries the count of that moment.
      name: 'body',
      type: 'textarea',
      label: label('Inhalt (JSON)', 'Body (JSON)'),
      access: serverOnly,
      admin: readOnly,
    },
    {
      name: 'attempts',
      type: 'number',
      defaultValue: 0,
      label: label('Versuche', 'Attempts'),
      access: serverOnly,
      admin: sidebar,
    },
    {
      name: 'lastStatusCode',
      type: 'number',
      label: label('Letzte Antwort (HTTP)', 'Last answer (HTTP)'),
      access: serverOnly,
      admin: sidebar,
    },
    {
      name: 'lastAttemptAt',
      type: 'date',
      label: label('Letzter Versuch', 'Last attempt'),
      access: serverOnly,
      admin: moment,
    },
    {
      name: 'deliveredAt',
      type: 'date',
      label: label('Zugestellt', 'Delivered'),
      access: serverOnly,
      admin: moment,
    },
    {
      name: 'durationMs',
      type: 'number',
      label: label('Dauer (ms)', 'Duration (ms)'),
      access: serverOnly,
      admin: sidebar,
    },
    {
      name: 'lastError',
      type: 'textarea',
      label: label('Letzter Fehler', 'Last error'),
      access: serverOnly,
      admin: readOnly,
    },
  ],
}
