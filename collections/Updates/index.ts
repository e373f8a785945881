import type { CollectionConfig } from 'payload'

import { collectionAccess } from '@/cms/access/fromMatrix'
import { actorOf } from '@/cms/access/matrix'
import { groups, label } from '@/cms/labels'
import { updateEndpoints } from '@/cms/updates/endpoints'
import { updateStatusLabels, updateStatuses } from '@/cms/updates/statuses'

import { fillFromNews } from './hooks/fillFromNews'
import { countProgress } from './hooks/progress'
import { dropWaitingMail, guardSending, queueSend } from './hooks/sending'
import { sendTestToEditor } from './hooks/sendTest'

const serverOnly = { create: () => false, update: () => false } as const
const readOnly = { readOnly: true } as const
const sidebar = { position: 'sidebar' } as const

/** A number of the send's progress, counted from the mail queue when the update is read. */
const progressField = (name: string, de: string, en: string) => ({
  name,
  type: 'number' as const,
  virtual: true,
  label: label(de, en),
  access: serverOnly,
  admin: { ...readOnly, ...sidebar },
  hooks: { afterRead: [countProgress(name as 'sent' | 'waiting' | 'failed')] },
})

/**
 * E-mail updates to the initiative's subscribers (docs/updates.md). An editor writes one, or
 * starts from a published news item, previews it, sends a test to themselves, then sends it
 * now or at a time. Each subscriber gets the language they subscribed in, or German where the
 * update has no text in it; the send shows its progress here.
 */
export const Updates: CollectionConfig = {
  slug: 'updates',
  labels: {
    singular: label('Neuigkeit per E-Mail', 'E-mail update'),
    plural: label('Neuigkeiten per E-Mail', 'E-mail updates'),
  },
  // Staff work: written and sent in the admin (REST), never part of the frontends' contract.
  graphQL: false,
  access: collectionAccess('updates'),
  // A copy would carry the original's status and send state; an editor starts a new one.
  disableDuplicate: true,
  endpoints: updateEndpoints,
  hooks: {
    // The news item's texts are filled in before the guard looks for a German text.
    beforeChange: [fillFromNews, guardSending, sendTestToEditor],
    afterChange: [queueSend],
    afterDelete: [dropWaitingMail],
  },
  defaultSort: '-createdAt',
  admin: {
    group: groups.community,
    hidden: ({ user }) => !['editor', 'admin'].includes(actorOf(user as { role?: string } | null)),
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'status', 'sendAt', 'recipients', 'finishedAt'],
    // The mail as a subscriber will read it, in the locale being edited.
    preview: (doc, { locale }) =>
      doc?.id ? `/api/updates/${String(doc.id)}/preview?locale=${locale ?? 'de'}` : null,
    description: label(
      'Neuigkeiten an alle, die sie abonniert haben. Wer in Englisch abonniert hat, erhält den ' +
        'englischen Text, sonst den deutschen. Vorschau und Test zuerst, dann Status auf ' +
        '„jetzt senden“ oder „geplant“ (mit Zeitpunkt).',
      'Updates to everyone who subscribed. Subscribers in English get the English text, or the ' +
        'German one where there is none. Preview and test first, then set the status to “send ' +
        'now” or “scheduled” (with a time).',
    ),
  },
  fields: [
    {
      name: 'news',
      type: 'relationship',
      relationTo: 'news',
      filterOptions: { _status: { equals: 'published' } },
      label: label('Aus einer Nachricht', 'From a news item'),
      admin: {
        description: label(
          'Übernimmt Titel und Anreißer der Nachricht, wo Betreff und Text noch leer sind, und ' +
            'verlinkt sie am Ende.',
          'Takes the item’s title and excerpt where subject and text are still empty, and links ' +
            'to it at the end.',
        ),
      },
    },
    {
      name: 'subject',
      type: 'text',
      localized: true,
      maxLength: 200,
      label: label('Betreff', 'Subject'),
    },
    {
      name: 'body',
      type: 'textarea',
      localized: true,
      maxLength: 20_000,
      label: label('Text', 'Text'),
      admin: {
        description: label(
          'Absätze durch eine Leerzeile getrennt. Ein Link zum Abmelden wird angefügt.',
          'Paragraphs separated by a blank line. A link to unsubscribe is added.',
        ),
      },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: updateStatuses.map((value) => ({ value, label: updateStatusLabels[value] })),
      label: label('Status', 'Status'),
      admin: sidebar,
    },
    {
      name: 'sendAt',
      type: 'date',
      label: label('Senden am', 'Send at'),
      admin: {
        ...sidebar,
        date: { pickerAppearance: 'dayAndTime' },
        description: label('Für „geplant“.', 'For “scheduled”.'),
      },
    },
    {
      name: 'sendTest',
      type: 'checkbox',
      defaultValue: false,
      label: label('Beim Speichern Test an mich senden', 'Send a test to me when saving'),
      admin: {
        ...sidebar,
        description: label(
          'In beiden Sprachen, an die Adresse Ihres Kontos.',
          'In both languages, to your account’s address.',
        ),
      },
    },
    {
      name: 'recipients',
      type: 'number',
      defaultValue: 0,
      label: label('Empfänger:innen', 'Recipients'),
      access: serverOnly,
      admin: { ...readOnly, ...sidebar },
    },
    progressField('sent', 'Gesendet', 'Sent'),
    progressField('waiting', 'Wartend', 'Waiting'),
    progressField('failed', 'Fehlgeschlagen', 'Failed'),
    {
      name: 'startedAt',
      type: 'date',
      label: label('Versand begonnen', 'Sending started'),
      access: serverOnly,
      admin: { ...readOnly, ...sidebar, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'finishedAt',
      type: 'date',
      label: label('Versand beendet', 'Sending finished'),
      access: serverOnly,
      admin: { ...readOnly, ...sidebar, date: { pickerAppearance: 'dayAndTime' } },
    },
    // How far recording the recipients got (the last address, in order) and whether it is done.
    { name: 'cursor', type: 'text', hidden: true },
    { name: 'recipientsRecorded', type: 'checkbox', defaultValue: false, hidden: true },
  ],
}
