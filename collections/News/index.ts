import type { CollectionConfig } from 'payload'

import { previewButton } from '@/cms/admin/livePreview'
import { collectionAccess, hiddenInAdmin, matrixGuard } from '@/cms/access/fromMatrix'
import { newsEditor } from '@/cms/fields/newsEditor'
import { slugField } from '@/cms/fields/slug'
import { setPublishedAt } from './hooks/setPublishedAt'
import { groups, label } from '@/cms/labels'
import { titleField } from '@/cms/fields/title'

export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: label('Meldung', 'News item'), plural: label('Neuigkeiten', 'News') },
  graphQL: { singularName: 'NewsItem', pluralName: 'News' },
  admin: {
    hidden: hiddenInAdmin('news'),
    group: groups.content,
    useAsTitle: 'title',
    preview: previewButton('news'),
    defaultColumns: ['title', 'publishedAt', '_status'],
  },
  access: collectionAccess('news'),
  // Deleting moves news into the trash; editors restore it, admins empty the trash.
  trash: true,
  versions: {
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
    maxPerDoc: 50,
  },
  defaultSort: '-publishedAt',
  // Public lists read published, untrashed news newest first (`_status` = published,
  // `deletedAt` null, sorted by date, then creation): with this index SQLite and MongoDB walk the
  // newest entries and stop at the page size, instead of sorting every published item on each
  // request, and the list's count reads the index alone (docs/indexes.md).
  indexes: [{ fields: ['_status', 'deletedAt', 'publishedAt', 'createdAt'] }],
  hooks: { beforeOperation: [matrixGuard('news')], beforeChange: [setPublishedAt] },
  fields: [
    titleField(),
    slugField('title'),
    { name: 'excerpt', type: 'textarea', localized: true, label: label('Anreißer', 'Excerpt') },
    {
      name: 'body',
      type: 'richText',
      localized: true,
      editor: newsEditor,
      label: label('Text', 'Body'),
    },
    {
      name: 'heroImage',
      type: 'upload',
      relationTo: 'media',
      label: label('Titelbild', 'Hero image'),
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: label('Veröffentlicht am', 'Published at'),
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'people',
      hasMany: true,
      label: label('Autor:innen', 'Authors'),
    },
    {
      name: 'organizations',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      label: label('Organisationen', 'Organizations'),
    },
    {
      name: 'projects',
      type: 'relationship',
      relationTo: 'projects',
      hasMany: true,
      label: label('Projekte', 'Projects'),
    },
    {
      name: 'principles',
      type: 'relationship',
      relationTo: 'principles',
      hasMany: true,
      label: label('Prinzipien', 'Principles'),
    },
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      label: label('Schlagworte', 'Tags'),
      admin: { position: 'sidebar' },
    },
  ],
}
