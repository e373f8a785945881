import type { CollectionConfig } from 'payload'

import {
  changeOwnerField,
  collectionAccess,
  hiddenInAdmin,
  matrixGuard,
  ownOrganizationDefault,
} from '@/access/fromMatrix'
import { previewButton } from '@/admin/preview'
import { isStaffField } from '@/access/isStaffField'
import { ownerOrStaffField } from '@/access/ownerOrStaffField'
import { slugField } from '@/fields/slug'
import { urlField } from '@/fields/url'
import { groups, label } from '@/labels'
import { titleField } from '@/fields/title'

import { notifyReview } from './hooks/notifyReview'
import { checkReviewTransition, stripReviewTrail } from './hooks/reviewWorkflow'

export const projectStatuses = ['planned', 'active', 'completed'] as const
export const reviewStates = ['draft', 'in-review', 'changes-requested', 'approved'] as const

export const Projects: CollectionConfig = {
  slug: 'projects',
  labels: { singular: label('Projekt', 'Project'), plural: label('Projekte', 'Projects') },
  graphQL: { singularName: 'Project', pluralName: 'Projects' },
  admin: {
    hidden: hiddenInAdmin('projects'),
    group: groups.content,
    useAsTitle: 'title',
    preview: previewButton('projects'),
    defaultColumns: ['title', 'organization', 'status', '_status'],
  },
  access: collectionAccess('projects'),
  hooks: {
    beforeOperation: [matrixGuard('projects'), stripReviewTrail],
    beforeChange: [checkReviewTransition],
    afterChange: [notifyReview],
  },
  versions: { drafts: { autosave: { interval: 2000 } }, maxPerDoc: 50 },
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
      validate: (value: unknown) => (value ? true : 'A project belongs to an organization'),
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
      options: projectStatuses.map((value) => ({ label: value, value })),
      label: label('Status', 'Status'),
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
    {
      name: 'review',
      type: 'group',
      label: label('Prüfung', 'Review'),
      // The review trail is internal: staff and the owning partner read it; the public never.
      access: { read: ownerOrStaffField },
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'state',
          type: 'select',
          defaultValue: 'draft',
          index: true,
          options: reviewStates.map((value) => ({ label: value, value })),
          label: label('Status', 'State'),
        },
        {
          name: 'note',
          type: 'textarea',
          label: label('Anmerkung', 'Note'),
          access: { update: isStaffField },
        },
        {
          name: 'submittedBy',
          type: 'relationship',
          relationTo: 'users',
          label: label('Eingereicht von', 'Submitted by'),
          admin: { readOnly: true },
        },
        {
          name: 'submittedAt',
          type: 'date',
          label: label('Eingereicht am', 'Submitted at'),
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'reviewedBy',
          type: 'relationship',
          relationTo: 'users',
          label: label('Geprüft von', 'Reviewed by'),
          admin: { readOnly: true },
        },
      ],
    },
  ],
}
