import type { CollectionConfig } from 'payload'

import {
  changeOwnerField,
  collectionAccess,
  hiddenInAdmin,
  matrixGuard,
  ownOrganizationDefault,
} from '@/cms/access/fromMatrix'
import { previewButton } from '@/cms/admin/livePreview'
import { slugField } from '@/cms/fields/slug'
import { urlField } from '@/cms/fields/url'
import { translate } from '@/cms/i18n/translate'
import { groups, label } from '@/cms/labels'
import { titleField } from '@/cms/fields/title'
import { notifyReview } from '@/cms/review/notifyReview'
import { forgetReviewHistory, recordReviewTransition } from '@/cms/review/recordTransition'
import { reviewFields } from '@/cms/review/reviewFields'
import { reviewListFilter } from '@/cms/review/listFilter'

import { checkReviewTransition, stripReviewTrail } from './hooks/reviewWorkflow'

export const projectStatuses = ['planned', 'active', 'completed'] as const

const statusLabels: Record<(typeof projectStatuses)[number], { de: string; en: string }> = {
  planned: label('geplant', 'planned'),
  active: label('laufend', 'active'),
  completed: label('abgeschlossen', 'completed'),
}

export const Projects: CollectionConfig = {
  slug: 'projects',
  labels: { singular: label('Projekt', 'Project'), plural: label('Projekte', 'Projects') },
  graphQL: { singularName: 'Project', pluralName: 'Projects' },
  admin: {
    hidden: hiddenInAdmin('projects'),
    group: groups.content,
    useAsTitle: 'title',
    // Partners submit for review where others publish.
    components: {
      edit: { PublishButton: '/cms/admin/review/PublishOrSubmit#PublishOrSubmit' },
      beforeListTable: ['/cms/admin/review/ReviewListNote#ReviewListNote'],
    },
    // `?review=in-review` (the dashboard's links) narrows the list to one review state.
    baseFilter: reviewListFilter,
    preview: previewButton('projects'),
    defaultColumns: ['title', 'organization', 'status', '_status'],
  },
  access: collectionAccess('projects'),
  // Deleting moves a project into the trash; editors restore it, admins empty the trash.
  trash: true,
  hooks: {
    beforeOperation: [matrixGuard('projects'), stripReviewTrail],
    beforeChange: [checkReviewTransition],
    afterChange: [recordReviewTransition, notifyReview],
    afterDelete: [forgetReviewHistory],
  },
  versions: { drafts: { autosave: { interval: 2000 } }, maxPerDoc: 50 },
  // The sitemap's parts, by month of creation, for the public (published, untrashed):
  // docs/indexes.md.
  indexes: [{ fields: ['_status', 'deletedAt', 'createdAt'] }],
  defaultPopulate: { title: true, slug: true, summary: true, status: true, logo: true },
  fields: [
    // Lists sort by title.
    titleField({ index: true }),
    slugField('title'),
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      label: label('Träger', 'Owner'),
      // Not `required` in the schema (partners need not send it: the server sets it for them),
      // but a project without an owner is still refused.
      validate: (value: unknown, { req }: { req: Parameters<typeof translate>[0] }) =>
        value ? true : translate(req, 'portal:ownerRequired'),
      // Set by the server for partners (their organization); only staff move a project.
      access: { update: changeOwnerField('projects') },
      defaultValue: ownOrganizationDefault,
      admin: { position: 'sidebar' },
    },
    {
      name: 'partners',
      type: 'relationship',
      relationTo: 'organizations',
      hasMany: true,
      label: label('Partner', 'Partners'),
    },
    {
      name: 'people',
      type: 'relationship',
      relationTo: 'people',
      hasMany: true,
      label: label('Personen', 'People'),
    },
    { name: 'summary', type: 'textarea', localized: true, label: label('Kurzfassung', 'Summary') },
    { name: 'body', type: 'richText', localized: true, label: label('Text', 'Body') },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'active',
      index: true,
      options: projectStatuses.map((value) => ({ label: statusLabels[value], value })),
      // Not "Status": the list shows the publication's status (`_status`) next to it.
      label: label('Projektstand', 'Project stage'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'funding',
      type: 'group',
      label: label('Förderung', 'Funding'),
      fields: [
        {
          name: 'funder',
          type: 'relationship',
          relationTo: 'organizations',
          label: label('Förderer', 'Funder'),
        },
        { name: 'programme', type: 'text', label: label('Programm', 'Programme') },
        { name: 'grantNumber', type: 'text', label: label('Förderkennzeichen', 'Grant number') },
        { name: 'startDate', type: 'date', label: label('Beginn', 'Start') },
        { name: 'endDate', type: 'date', label: label('Ende', 'End') },
      ],
    },
    urlField('website', { label: label('Website', 'Website') }),
    { name: 'logo', type: 'upload', relationTo: 'media', label: label('Logo', 'Logo') },
    {
      name: 'principles',
      type: 'relationship',
      relationTo: 'principles',
      hasMany: true,
      label: label('Prinzipien', 'Principles'),
    },
    ...reviewFields(),
  ],
}
