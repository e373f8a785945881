import type { CollectionConfig } from 'payload'

import {
  changeOwnerField,
  collectionAccess,
  hiddenInAdmin,
  matrixGuard,
  ownOrganizationDefault,
} from '@/access/fromMatrix'
import { previewButton } from '@/admin/preview'
import { linksField } from '@/fields/links'
import { slugField } from '@/fields/slug'
import { groups, label } from '@/labels'

export const People: CollectionConfig = {
  slug: 'people',
  labels: { singular: label('Person', 'Person'), plural: label('Personen', 'People') },
  graphQL: { singularName: 'Person', pluralName: 'People' },
  admin: {
    hidden: hiddenInAdmin('people'),
    group: groups.community,
    useAsTitle: 'name',
    preview: previewButton('people'),
    defaultColumns: ['name', 'organization', 'initiator'],
  },
  access: collectionAccess('people'),
  hooks: { beforeOperation: [matrixGuard('people')] },
  versions: { drafts: true, maxPerDoc: 50 },
  defaultPopulate: { name: true, honorific: true, slug: true, roleTitle: true, photo: true },
  fields: [
    // The directory sorts by name.
    { name: 'name', type: 'text', required: true, index: true, label: label('Name', 'Name') },
    {
      name: 'honorific',
      type: 'text',
      label: label('Titel', 'Honorific'),
      admin: { description: 'z. B. Dr. / e.g. Dr.' },
    },
    slugField('name'),
    { name: 'roleTitle', type: 'text', localized: true, label: label('Funktion', 'Role') },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      label: label('Organisation', 'Organization'),
      access: { update: changeOwnerField('people') },
      defaultValue: ownOrganizationDefault,
    },
    { name: 'photo', type: 'upload', relationTo: 'media', label: label('Foto', 'Photo') },
    { name: 'bio', type: 'richText', localized: true, label: label('Biografie', 'Biography') },
    linksField({ label: label('Links', 'Links') }),
    {
      name: 'initiator',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: label('Initiator:in', 'Initiator'),
      admin: { position: 'sidebar' },
    },
  ],
}
