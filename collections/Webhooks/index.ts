import type { CollectionConfig } from 'payload'

import { collectionAccess } from '@/cms/access/fromMatrix'
import { actorOf } from '@/cms/access/matrix'
import { groups, label } from '@/cms/labels'
import {
  webhookEventLabels,
  webhookEvents,
  webhookSourceLabels,
  webhookSources,
} from '@/operations/webhooks/events'

import { giveSecret } from './hooks/secret'
import { validateReceiverUrl } from './hooks/url'

const readOnly = { readOnly: true } as const
/** Kept by the server (failures, pausing); an admin resumes an endpoint through `status`. */
const serverOnly = { create: () => false, update: () => false } as const

/**
 * Outgoing webhooks (docs/webhooks.md): where the portal tells a frontend, a newsletter tool or a
 * static site that something public changed. Admins add an endpoint, choose its events and
 * collections, and give its secret to the receiver, which verifies every delivery with it.
 */
export const Webhooks: CollectionConfig = {
  slug: 'webhooks',
  labels: { singular: label('Webhook', 'Webhook'), plural: label('Webhooks', 'Webhooks') },
  // Not part of the frontends' contract: admins manage endpoints in the admin (REST).
  graphQL: false,
  access: collectionAccess('webhooks'),
  hooks: { beforeChange: [giveSecret] },
  admin: {
    group: groups.system,
    hidden: ({ user }) => actorOf(user as { role?: string } | null) !== 'admin',
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'status', 'events', 'consecutiveFailures'],
    description: label(
      'Empfänger, denen das Portal jede öffentliche Änderung meldet, signiert nach dem ' +
        'Standard-Webhooks-Verfahren. Ein Endpunkt, der wiederholt scheitert, wird pausiert; ' +
        'setzen Sie den Status auf „aktiv“, um ihn fortzusetzen.',
      'Receivers the portal tells of every public change, signed as Standard Webhooks says. ' +
        'An endpoint that keeps failing is paused; set its status to “active” to resume it.',
    ),
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: label('Name', 'Name') },
    {
      name: 'url',
      type: 'text',
      required: true,
      maxLength: 2000,
      validate: validateReceiverUrl,
      label: label('Adresse (URL)', 'Address (URL)'),
      admin: {
        description: label(
          'https://… des Empfängers. Private Netze sind nur erreichbar, wenn ' +
            'WEBHOOK_ALLOWED_NETWORKS sie nennt; Weiterleitungen werden nicht verfolgt.',
          'The receiver’s https://… address. Private networks are reached only when ' +
            'WEBHOOK_ALLOWED_NETWORKS names them; redirects are not followed.',
        ),
      },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      options: webhookEvents.map((value) => ({ label: webhookEventLabels[value], value })),
      label: label('Ereignisse', 'Events'),
    },
    {
      name: 'sources',
      type: 'select',
      hasMany: true,
      options: webhookSources.map((value) => ({ label: webhookSourceLabels[value], value })),
      label: label('Sammlungen und Globals', 'Collections and globals'),
      admin: {
        description: label(
          'Leer: alle. Gilt für die Inhaltsereignisse, nicht für die Zahl der Unterschriften.',
          'Empty: all of them. Applies to content events, not to the signature count.',
        ),
      },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      index: true,
      options: [
        { label: label('aktiv', 'active'), value: 'active' },
        { label: label('aus', 'off'), value: 'off' },
        {
          label: label('pausiert (scheitert wiederholt)', 'paused (keeps failing)'),
          value: 'paused',
        },
      ],
      label: label('Status', 'Status'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'secret',
      type: 'text',
      label: label('Geheimnis zum Prüfen der Signatur', 'Secret to verify signatures'),
      access: { update: () => false },
      admin: {
        ...readOnly,
        description: label(
          'Wird beim Anlegen erzeugt. Der Empfänger prüft damit webhook-signature.',
          'Made when the endpoint is created. The receiver verifies webhook-signature with it.',
        ),
      },
    },
    {
      name: 'consecutiveFailures',
      type: 'number',
      defaultValue: 0,
      label: label('Fehlschläge in Folge', 'Failures in a row'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar' },
    },
    {
      name: 'lastDeliveryAt',
      type: 'date',
      label: label('Letzte Zustellung', 'Last delivery'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
