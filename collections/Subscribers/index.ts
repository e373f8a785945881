import type { CollectionConfig } from 'payload'

import { collectionAccess } from '@/cms/access/fromMatrix'
import { actorOf } from '@/cms/access/matrix'
import { groups, label } from '@/cms/labels'
import { subscriptionEndpoints } from '@/cms/subscriptions/endpoints'
import { languageOptions } from '@/operations/mail/recipientLanguage'

import { purgeSubscriberMail } from './hooks/purgeSubscriberMail'

const serverOnly = { create: () => false, update: () => false } as const
const readOnly = { readOnly: true } as const

/**
 * The people who receive the initiative's e-mail updates (docs/updates.md): those who subscribed
 * with the form and confirmed, and signers who asked for updates once their signature was
 * confirmed. An address is a row while it is subscribed or waiting for its confirmation;
 * unsubscribing deletes the row. Admins alone see the addresses; nobody types one in here.
 */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  labels: {
    singular: label('Abonnent:in', 'Subscriber'),
    plural: label('Abonnent:innen', 'Subscribers'),
  },
  // Never part of the frontends' contract: subscribing has its own mutations.
  graphQL: false,
  access: { ...collectionAccess('subscribers'), create: () => false },
  endpoints: subscriptionEndpoints,
  hooks: { afterDelete: [purgeSubscriberMail] },
  defaultSort: '-createdAt',
  admin: {
    group: groups.community,
    hidden: ({ user }) => actorOf(user as { role?: string } | null) !== 'admin',
    useAsTitle: 'email',
    defaultColumns: ['email', 'status', 'language', 'source', 'confirmedAt'],
    description: label(
      'Wer Neuigkeiten per E-Mail erhält. Bestätigt ist, wer den Link der Bestätigungsmail ' +
        'geöffnet hat; wer sich abmeldet, wird gelöscht.',
      'Who receives the e-mail updates. Confirmed are those who opened their confirmation ' +
        'link; whoever unsubscribes is deleted.',
    ),
  },
  fields: [
    {
      name: 'email',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      maxLength: 254,
      label: label('E-Mail', 'E-mail'),
      access: serverOnly,
      admin: readOnly,
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: [
        { value: 'pending', label: label('wartet auf Bestätigung', 'awaiting confirmation') },
        { value: 'active', label: label('bestätigt', 'confirmed') },
      ],
      label: label('Status', 'Status'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar' },
    },
    {
      name: 'language',
      type: 'select',
      required: true,
      defaultValue: 'de',
      options: languageOptions,
      label: label('Sprache', 'Language'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar' },
    },
    {
      name: 'source',
      type: 'select',
      required: true,
      defaultValue: 'form',
      options: [
        { value: 'form', label: label('Formular', 'Form') },
        { value: 'signature', label: label('Unterschrift', 'Signature') },
      ],
      label: label('Herkunft', 'Source'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar' },
    },
    {
      name: 'confirmedAt',
      type: 'date',
      label: label('Bestätigt am', 'Confirmed at'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'confirmExpiresAt',
      type: 'date',
      index: true,
      label: label('Bestätigungslink gilt bis', 'Confirmation link valid until'),
      access: serverOnly,
      admin: { ...readOnly, position: 'sidebar' },
    },
    // Only the hash of the confirmation link's token: no answer carries it.
    { name: 'confirmTokenHash', type: 'text', index: true, hidden: true },
  ],
}
