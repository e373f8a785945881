import type { CollectionConfig, NumberField, Validate } from 'payload'
import { number } from 'payload/shared'

import { collectionAccess, hiddenInAdmin, matrixGuard } from '@/cms/access/fromMatrix'
import { heldInTrash } from '@/cms/fields/heldInTrash'
import { slugField } from '@/cms/fields/slug'
import { translate } from '@/cms/i18n/translate'
import { groups, label } from '@/cms/labels'
import { titleField } from '@/cms/fields/title'

/** Payload's number checks, then: a principle in the trash may still hold the position. */
const validatePosition: Validate<number, unknown, unknown, NumberField> = async (
  value,
  options,
) => {
  const plain = number(value, options)
  if (plain !== true || options.event === 'onChange') return plain
  const { req, collectionSlug, id } = options
  return (await heldInTrash({ req, collectionSlug, field: 'position', value, id }))
    ? translate(req, 'portal:positionInTrash', { position: value })
    : true
}

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
      validate: validatePosition,
      admin: { position: 'sidebar', step: 1 },
      label: label('Position', 'Position'),
    },
    { name: 'summary', type: 'textarea', localized: true, label: label('Kurzfassung', 'Summary') },
    { name: 'body', type: 'richText', localized: true, label: label('Text', 'Body') },
  ],
}
