import type { Access, CollectionConfig, Where } from 'payload'

import { isStaff } from '@/access/isStaff'
import { isStaffField } from '@/access/isStaffField'
import { isStaffUser } from '@/access/roles'
import { countryField } from '@/fields/country'
import { groups, label } from '@/labels'

/** The public sees a signatory only once staff approved it and the signatory agreed to be shown. */
const approvedWithConsentOrStaff: Access = ({ req: { user } }) =>
  isStaffUser(user) ? true : publicSignatories

const publicSignatories: Where = {
  and: [{ approved: { equals: true } }, { consentToDisplay: { equals: true } }],
}

export const Signatories: CollectionConfig = {
  slug: 'signatories',
  labels: {
    singular: label('Unterzeichner:in', 'Signatory'),
    plural: label('Unterzeichnende', 'Signatories'),
  },
  graphQL: { singularName: 'Signatory', pluralName: 'Signatories' },
  admin: {
    group: groups.community,
    useAsTitle: 'displayName',
    defaultColumns: ['displayName', 'kind', 'sector', 'approved'],
  },
  access: {
    read: approvedWithConsentOrStaff,
    create: isStaff,
    update: isStaff,
    delete: isStaff,
  },
  defaultSort: 'displayName',
  fields: [
    {
      name: 'displayName',
      type: 'text',
      required: true,
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
      options: ['research', 'industry', 'public', 'civil-society'].map((value) => ({
        label: value,
        value,
      })),
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
