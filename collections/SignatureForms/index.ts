import type { CollectionConfig } from 'payload'

import { collectionAccess } from '@/cms/access/fromMatrix'
import { groups, label } from '@/cms/labels'

/**
 * The signing forms already sent, by the nonce of their signed timestamp: a form and its proof
 * of work are usable once. The unique index makes a second use fail even when two arrive at the
 * same moment. Kept until the form would have expired anyway, then purged by the
 * `purgeSignatures` job. Only the server writes here; no role reads it over any channel.
 */
export const SignatureForms: CollectionConfig = {
  slug: 'signature-forms',
  labels: {
    singular: label('Verwendetes Formular', 'Used form'),
    plural: label('Verwendete Formulare', 'Used forms'),
  },
  graphQL: false,
  access: collectionAccess('signature-forms'),
  admin: { group: groups.system, hidden: true },
  fields: [
    {
      name: 'nonce',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: label('Kennung des Formulars', 'Form nonce'),
    },
    {
      name: 'expiresAt',
      type: 'date',
      required: true,
      index: true,
      label: label('Läuft ab am', 'Expires at'),
    },
  ],
}
