import type { CollectionConfig } from 'payload'

import { collectionAccess, hiddenInAdmin } from '@/access/fromMatrix'
import { isStaffField } from '@/access/isStaffField'
import { countryField } from '@/fields/country'
import { groups, label } from '@/labels'

export const Signatories: CollectionConfig = {
  slug: 'signatories',
  labels: {
    singular: label('Unterzeichner:in', 'Signatory'),
    plural: label('Unterzeichnende', 'Signatories'),
  },
  graphQL: { singularName: 'Signatory', pluralName: 'Signatories' },
  admin: {
    hidden: hiddenInAdmin('signatories'),
    group: groups.community,
    useAsTitle: 'displayName',
    defaultColumns: ['displayName', 'kind', 'sector', 'approved'],
  },
  // The public sees a signatory only once staff approved it and it agreed to be shown.
  access: collectionAccess('signatories'),
  defaultSort: 'displayName',
  fields: [
    {
      name: 'displayName',
      type: 'text',
      required: true,
      // The declaration page lists signatories by name.
      index: true,
      label: label('Anzeigename', 'Display name'),
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { label: label('Person', 'Person'), value: 'person' },
        { label: label('Organisation', 'Organization'), value: 'organization' },
      ],
      label: label('Art', 'Kind'),
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      label: label('Organisation', 'Organization'),
    },
    { name: 'roleTitle', type: 'text', label: label('Funktion', 'Role') },
    {
      name: 'sector',
      type: 'select',
      options: [
        { value: 'research', label: label('Forschung', 'Research') },
        { value: 'industry', label: label('Industrie', 'Industry') },
        { value: 'public', label: label('Öffentliche Hand', 'Public sector') },
        { value: 'civil-society', label: label('Zivilgesellschaft', 'Civil society') },
      ],
      label: label('Sektor', 'Sector'),
    },
    countryField(),
    { name: 'signedAt', type: 'date', label: label('Unterzeichnet am', 'Signed at') },
    {
      name: 'approved',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: label('Freigegeben', 'Approved'),
      access: { read: isStaffField, create: isStaffField, update: isStaffField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'consentToDisplay',
      type: 'checkbox',
      defaultValue: false,
      label: label('Einverstanden mit Anzeige', 'Consents to display'),
      admin: { position: 'sidebar' },
    },
  ],
}
