import type { CollectionConfig } from 'payload'

import { collectionAccess, hiddenInAdmin, matrixGuard } from '@/cms/access/fromMatrix'
import { countryField } from '@/cms/fields/country'
import { slugField } from '@/cms/fields/slug'
import { urlField } from '@/cms/fields/url'
import { groups, label } from '@/cms/labels'

export const organizationKinds = [
  'research',
  'industry',
  'startup',
  'association',
  'public-funder',
  'other',
] as const

const kindLabels: Record<(typeof organizationKinds)[number], { de: string; en: string }> = {
  research: label('Forschung', 'Research'),
  industry: label('Industrie', 'Industry'),
  startup: label('Start-up', 'Start-up'),
  association: label('Verband', 'Association'),
  'public-funder': label('Öffentlicher Förderer', 'Public funder'),
  other: label('Sonstige', 'Other'),
}

export const Organizations: CollectionConfig = {
  slug: 'organizations',
  labels: {
    singular: label('Organisation', 'Organization'),
    plural: label('Organisationen', 'Organizations'),
  },
  graphQL: { singularName: 'Organization', pluralName: 'Organizations' },
  admin: {
    hidden: hiddenInAdmin('organizations'),
    group: groups.community,
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'country'],
  },
  access: collectionAccess('organizations'),
  // Deleting moves an organization into the trash; editors restore it, admins empty the trash.
  trash: true,
  hooks: { beforeOperation: [matrixGuard('organizations')] },
  versions: { drafts: true, maxPerDoc: 50 },
  // The public list and the filter options by name (published, untrashed): docs/indexes.md.
  indexes: [{ fields: ['_status', 'deletedAt', 'name'] }],
  defaultPopulate: { name: true, shortName: true, slug: true, logo: true, kind: true },
  fields: [
    // Lists sort by name.
    { name: 'name', type: 'text', required: true, index: true, label: label('Name', 'Name') },
    { name: 'shortName', type: 'text', label: label('Kurzname', 'Short name') },
    slugField('name'),
    {
      name: 'kind',
      type: 'select',
      required: true,
      index: true,
      options: organizationKinds.map((value) => ({ label: kindLabels[value], value })),
      label: label('Art', 'Kind'),
    },
    countryField(),
    urlField('website', { label: label('Website', 'Website') }),
    { name: 'logo', type: 'upload', relationTo: 'media', label: label('Logo', 'Logo') },
    {
      name: 'description',
      type: 'richText',
      localized: true,
      label: label('Beschreibung', 'Description'),
    },
  ],
}
