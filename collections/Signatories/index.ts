import type { CollectionConfig, FieldAccess } from 'payload'

import { collectionAccess, hiddenInAdmin } from '@/cms/access/fromMatrix'
import { isStaffField } from '@/cms/access/isStaffField'
import { countryField } from '@/cms/fields/country'
import { groups, label } from '@/cms/labels'
import { locales } from '@/core/locales'
import { normaliseSignerAddress } from '@/cms/signatures/address'
import { signatureEndpoints } from '@/cms/signatures/endpoints'
import { plainTextField } from '@/cms/signatures/plainTextField'
import {
  sectorLabels,
  sectors,
  signatureStatusLabels,
  signatureStatuses,
} from '@/cms/signatures/states'
import { textLimits } from '@/cms/signatures/plainText'

import { keepAddressKey } from './hooks/addressKey'
import { endSignerSubscription } from './hooks/endSubscription'
import { purgeSignerMail } from './hooks/purgeSignerMail'

/** Staff read and write it; the public and partners never see it, over any channel. */
const staffOnly = { read: isStaffField, create: isStaffField, update: isStaffField } as const
/** Written by the server alone (the signing flow), never by a person. */
const serverOnly: { read: FieldAccess; create: FieldAccess; update: FieldAccess } = {
  read: isStaffField,
  create: () => false,
  update: () => false,
}

/**
 * The declaration's signatories: entered by staff, or signed by anyone on the signing page
 * (src/cms/signatures/: double opt-in, moderation, withdrawal). The public sees the approved ones
 * that chose to be named (src/cms/access/fromMatrix.ts); the count of all approved ones comes from
 * the `signatureCount` query. E-mail, tokens and moderation fields are staff-only or hidden.
 */
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
    defaultColumns: ['displayName', 'kind', 'status', 'verified', 'sector', 'signedAt'],
    listSearchableFields: ['displayName', 'organizationName', 'email'],
    description: label(
      'Zur Prüfung: Filter „Status“ = „wartet auf Prüfung“. Freigeben oder ablehnen, bei Bedarf ' +
        '„verifiziert“ setzen. Löschen entfernt alle Daten einer Person endgültig.',
      'To moderate: filter “Status” = “awaiting moderation”. Approve or reject, and mark as ' +
        '“verified” where confirmed. Deleting removes a person’s data for good.',
    ),
  },
  // Created only by staff or by the signing flow (the server, with its own checks).
  access: collectionAccess('signatories'),
  endpoints: signatureEndpoints,
  defaultSort: 'displayName',
  // The declaration's public list: approved signatories who chose to be named, by name, also
  // filtered by sector or country; the first also counts them (docs/indexes.md).
  indexes: [
    { fields: ['status', 'consentToDisplay', 'displayName'] },
    { fields: ['status', 'consentToDisplay', 'sector', 'displayName'] },
    { fields: ['status', 'consentToDisplay', 'country', 'displayName'] },
  ],
  hooks: {
    beforeChange: [keepAddressKey],
    afterDelete: [purgeSignerMail, endSignerSubscription],
  },
  fields: [
    plainTextField({
      name: 'displayName',
      required: true,
      // The declaration page lists signatories by name.
      index: true,
      maxLength: textLimits.name,
      label: label('Anzeigename', 'Display name'),
    }),
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
    plainTextField({
      name: 'organizationName',
      maxLength: textLimits.organization,
      label: label('Organisation (wie angegeben)', 'Organization (as given)'),
    }),
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      label: label('Organisation (verknüpft)', 'Organization (linked)'),
    },
    plainTextField({
      name: 'roleTitle',
      maxLength: textLimits.roleTitle,
      label: label('Funktion', 'Role'),
    }),
    {
      name: 'sector',
      type: 'select',
      index: true,
      options: sectors.map((value) => ({ value, label: sectorLabels[value] })),
      label: label('Sektor', 'Sector'),
    },
    countryField({ index: true }),
    { name: 'signedAt', type: 'date', label: label('Unterzeichnet am', 'Signed at') },
    {
      name: 'consentToDisplay',
      type: 'checkbox',
      defaultValue: false,
      label: label('Name wird gezeigt', 'Name is shown'),
      admin: {
        position: 'sidebar',
        description: label('Sonst nur mitgezählt.', 'Otherwise counted only.'),
      },
    },
    {
      name: 'status',
      type: 'select',
      // Staff enter signatories they vouch for; the flow sets its own status.
      defaultValue: 'approved',
      index: true,
      options: signatureStatuses.map((value) => ({ value, label: signatureStatusLabels[value] })),
      label: label('Status', 'Status'),
      access: staffOnly,
      admin: { position: 'sidebar' },
    },
    {
      name: 'verified',
      type: 'checkbox',
      defaultValue: false,
      label: label('Verifiziert', 'Verified'),
      access: staffOnly,
      admin: {
        position: 'sidebar',
        description: label(
          'Etwa bestätigt über eine Adresse der Organisation.',
          'For example confirmed from an address at the organization’s domain.',
        ),
      },
    },
    {
      name: 'email',
      // Text with the flow's own check: Payload's e-mail field refuses IDNA domains (xn--…).
      type: 'text',
      maxLength: 254,
      validate: (
        value: unknown,
        { req }: { req: { t: (key: 'validation:emailAddress') => string } },
      ) =>
        !value || normaliseSignerAddress(String(value)) ? true : req.t('validation:emailAddress'),
      label: label('E-Mail (nie öffentlich)', 'E-mail (never public)'),
      access: staffOnly,
      admin: { position: 'sidebar' },
    },
    {
      name: 'consentToUpdates',
      type: 'checkbox',
      defaultValue: false,
      label: label('Möchte Neuigkeiten erhalten', 'Wants to receive updates'),
      access: staffOnly,
      admin: { position: 'sidebar' },
    },
    {
      name: 'locale',
      type: 'select',
      options: locales.map(({ code, adminLabel }) => ({ value: code, label: adminLabel })),
      label: label('Sprache', 'Language'),
      access: staffOnly,
      admin: { position: 'sidebar' },
    },
    {
      name: 'source',
      type: 'select',
      defaultValue: 'staff',
      options: [
        { value: 'staff', label: label('Redaktion', 'Staff') },
        { value: 'form', label: label('Formular', 'Form') },
        {
          value: 'form-without-proof',
          label: label('Formular ohne JavaScript', 'Form without JavaScript'),
        },
      ],
      label: label('Herkunft', 'Source'),
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'confirmExpiresAt',
      type: 'date',
      index: true,
      label: label('Bestätigungslink gilt bis', 'Confirmation link valid until'),
      access: serverOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'personalData',
      type: 'ui',
      label: label('Auskunft', 'Access request'),
      admin: {
        position: 'sidebar',
        components: { Field: '/cms/admin/signatures/PersonalDataLink#PersonalDataLink' },
      },
    },
    // The address as signatures are compared (src/cms/signatures/address.ts) and the hashes of the
    // two links' tokens: hidden, so no API answer ever carries them, whoever asks.
    { name: 'emailKey', type: 'text', index: true, hidden: true },
    { name: 'confirmTokenHash', type: 'text', index: true, hidden: true },
    { name: 'withdrawTokenHash', type: 'text', index: true, hidden: true },
  ],
}
