import type { CollectionConfig } from 'payload'

import { collectionAccess } from '@/cms/access/fromMatrix'
import { actorOf } from '@/cms/access/matrix'
import {
  mailKindLabels,
  mailKinds,
  mailStatusLabels,
  mailStatuses,
} from '@/operations/mail/mailKinds'
import { languageOptions } from '@/operations/mail/recipientLanguage'
import { groups, label } from '@/cms/labels'

import { retryFailedMail } from './hooks/retry'

const readOnly = { readOnly: true } as const
/** Only the status is ever changed by a person (to retry); every other field is the server's. */
const serverOnly = { update: () => false } as const

/**
 * The mail queue: every mail the portal sends is recorded here inside the transaction of the
 * change that causes it and sent after the commit by the `deliverMail` job (src/operations/mail/). Admins
 * see what is waiting, what failed and why, and send a failed mail again; nobody else sees any
 * of it, and bodies are deleted once a mail is sent.
 */
export const MailQueue: CollectionConfig = {
  slug: 'mail-queue',
  labels: {
    singular: label('E-Mail', 'E-mail'),
    plural: label('E-Mail-Warteschlange', 'Mail queue'),
  },
  // Not part of the frontends' contract: admins read it in the admin (REST).
  graphQL: false,
  access: { ...collectionAccess('mail-queue'), create: () => false },
  hooks: {
    beforeChange: [retryFailedMail.beforeChange],
    afterChange: [retryFailedMail.afterChange],
  },
  defaultSort: '-createdAt',
  // An update's send walks its queued mail in order; its progress counts them by status.
  indexes: [{ fields: ['update', 'status'] }],
  admin: {
    group: groups.system,
    hidden: ({ user }) => actorOf(user as { role?: string } | null) !== 'admin',
    useAsTitle: 'subject',
    defaultColumns: ['status', 'to', 'subject', 'attempts', 'lastError', 'createdAt'],
    description: label(
      'Jede E-Mail des Portals: wartend, gesendet oder nach allen Versuchen fehlgeschlagen. ' +
        'Eine fehlgeschlagene senden Sie erneut, indem Sie ihren Status auf „queued“ setzen.',
      'Every e-mail of the portal: waiting, sent, or failed after all retries. To send a ' +
        'failed one again, set its status to “queued”.',
    ),
  },
  fields: [
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      options: mailStatuses.map((value) => ({ label: mailStatusLabels[value], value })),
      label: label('Status', 'Status'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'to',
      type: 'email',
      required: true,
      index: true,
      label: label('An', 'To'),
      access: serverOnly,
      admin: readOnly,
    },
    {
      name: 'subject',
      type: 'text',
      required: true,
      label: label('Betreff', 'Subject'),
      access: serverOnly,
      admin: readOnly,
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: mailKinds.map((value) => ({ label: mailKindLabels[value], value })),
      label: label('Art', 'Kind'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar' },
    },
    {
      name: 'language',
      type: 'select',
      required: true,
      options: languageOptions,
      label: label('Sprache', 'Language'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar' },
    },
    {
      name: 'attempts',
      type: 'number',
      defaultValue: 0,
      label: label('Versuche', 'Attempts'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar' },
    },
    {
      name: 'lastAttemptAt',
      type: 'date',
      label: label('Letzter Versuch', 'Last attempt'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'sentAt',
      type: 'date',
      label: label('Gesendet', 'Sent'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'lastError',
      type: 'textarea',
      label: label('Letzter Fehler', 'Last error'),
      access: serverOnly,
      admin: readOnly,
    },
    {
      name: 'text',
      type: 'textarea',
      label: label('Text (bis zum Versand)', 'Text (until sent)'),
      access: serverOnly,
      admin: readOnly,
    },
    {
      // The HTML part says what the text says; admins read the text.
      name: 'html',
      type: 'textarea',
      access: serverOnly,
      admin: { hidden: true },
    },
    // An update's mail is written when it goes out (src/cms/updates/message.ts): the record
    // names the update and the subscriber (their ids, not relationships: either may be deleted
    // while its mail is kept, and the mail goes with the subscriber, src/cms/subscriptions/).
    {
      name: 'update',
      type: 'text',
      index: true,
      label: label('Neuigkeit (ID)', 'Update (ID)'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar', condition: (data) => Boolean(data?.update) },
    },
    {
      name: 'subscriber',
      type: 'text',
      label: label('Abonnent:in (ID)', 'Subscriber (ID)'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar', condition: (data) => Boolean(data?.subscriber) },
    },
  ],
}
