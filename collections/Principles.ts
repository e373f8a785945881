import type { CollectionConfig } from 'payload'

import { collectionAccess, hiddenInAdmin, matrixGuard } from '@/access/fromMatrix'
import { slugField } from '@/fields/slug'
import { groups, label } from '@/labels'
import { titleField } from '@/fields/title'

export const Principles: CollectionConfig = {
  slug: 'principles',
  labels: { singular: label('Prinzip', 'Principle'), plural: label('Prinzipien', 'Principles') },
  graphQL: { singularName: 'Principle', pluralName: 'Principles' },
  admin: {
    hidden: hiddenInAdmin('principles'),
    group: groups.content,
    useAsTitle: 'title',
    defaultColumns: ['position', 'title'],
  },
  access: collectionAccess('principles'),
  // Deleting moves a principle into the trash; editors restore it, admins empty the trash.
  trash: true,
  hooks: { beforeOperation: [matrixGuard('principles')] },
  versions: { drafts: true, maxPerDoc: 50 },
  defaultSort: 'position',
  defaultPopulate: { title: true, slug: true, position: true, summary: true },
  fields: [
    titleField(),
    slugField('title'),
    {
      name: 'position',
      type: 'number',
      required: true,
      unique: true,
      min: 1,
      admin: { position: 'sidebar', step: 1 },
      label: label('Position', 'Position'),
    },
    { name: 'summary', type: 'textarea', localized: true, label: label('Kurzfassung', 'Summary') },
    { name: 'body', type: 'richText', localized: true, label: label('Text', 'Body') },
  ],
}
