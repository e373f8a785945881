import type { CollectionConfig } from 'payload'

import { previewButton } from '@/cms/admin/livePreview'
import { collectionAccess, hiddenInAdmin, matrixGuard } from '@/cms/access/fromMatrix'
import { countryField } from '@/cms/fields/country'
import { slugField } from '@/cms/fields/slug'
import { urlField } from '@/cms/fields/url'
import { translate } from '@/cms/i18n/translate'
import { groups, label } from '@/cms/labels'
import { titleField } from '@/cms/fields/title'

const dayAndTime = { date: { pickerAppearance: 'dayAndTime' as const } }

export const Events: CollectionConfig = {
  slug: 'events',
  labels: { singular: label('Veranstaltung', 'Event'), plural: label('Veranstaltungen', 'Events') },
  graphQL: { singularName: 'Event', pluralName: 'Events' },
  admin: {
    hidden: hiddenInAdmin('events'),
    group: groups.content,
    useAsTitle: 'title',
    preview: previewButton('events'),
    defaultColumns: ['title', 'startsAt', 'city'],
  },
  access: collectionAccess('events'),
  // Deleting moves an event into the trash; editors restore it, admins empty the trash.
  trash: true,
  hooks: { beforeOperation: [matrixGuard('events')] },
  versions: { drafts: true, maxPerDoc: 50 },
  defaultSort: '-startsAt',
  // Upcoming and past events and the sitemap's parts in date order, for the public (published,
  // untrashed): see docs/indexes.md.
  indexes: [{ fields: ['_status', 'deletedAt', 'startsAt', 'createdAt'] }],
  fields: [
    titleField(),
    slugField('title'),
    {
      name: 'startsAt',
      type: 'date',
      required: true,
      index: true,
      label: label('Beginn', 'Starts at'),
      admin: dayAndTime,
    },
    {
      name: 'endsAt',
      type: 'date',
      label: label('Ende', 'Ends at'),
      admin: dayAndTime,
      validate: (
        value: unknown,
        {
          req,
          siblingData,
        }: { req: Parameters<typeof translate>[0]; siblingData: Record<string, unknown> },
      ) =>
        value &&
        siblingData?.startsAt &&
        new Date(String(value)) < new Date(String(siblingData.startsAt))
          ? translate(req, 'portal:endBeforeStart')
          : true,
    },
    { name: 'venue', type: 'text', label: label('Ort', 'Venue') },
    { name: 'city', type: 'text', label: label('Stadt', 'City') },
    countryField(),
    urlField('onlineUrl', { label: label('Online-Teilnahme', 'Online URL') }),
    {
      name: 'description',
      type: 'richText',
      localized: true,
      label: label('Beschreibung', 'Description'),
    },
    {
      name: 'organizers',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      label: label('Veranstalter', 'Organizers'),
    },
    {
      name: 'hosts',
      type: 'relationship',
      relationTo: 'people',
      hasMany: true,
      label: label('Gastgeber:innen', 'Hosts'),
    },
    {
      name: 'speakers',
      type: 'relationship',
      relationTo: 'people',
      hasMany: true,
      label: label('Sprecher:innen', 'Speakers'),
    },
    {
      name: 'supporters',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      label: label('Unterstützer', 'Supporters'),
    },
    urlField('registrationUrl', { label: label('Anmeldung', 'Registration URL') }),
    {
      name: 'participants',
      type: 'group',
      label: label('Teilnehmende', 'Participants'),
      fields: [
        { name: 'count', type: 'number', min: 0, label: label('Anzahl', 'Count') },
        {
          name: 'kind',
          type: 'select',
          defaultValue: 'expected',
          options: [
            { label: label('erwartet', 'expected'), value: 'expected' },
            { label: label('berichtet', 'reported'), value: 'reported' },
          ],
          label: label('Art der Zahl', 'Kind of count'),
        },
      ],
    },
  ],
}
