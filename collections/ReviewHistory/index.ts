import type { CollectionConfig } from 'payload'

import { collectionAccess } from '@/cms/access/fromMatrix'
import { groups, label } from '@/cms/labels'
import { reviewedCollections, reviewStateOptions } from '@/cms/review/states'

/**
 * One entry per change of a review state of a partner submission: the record behind the review
 * panel's history. Written only by the server (see `src/cms/review/recordTransition.ts`); staff read
 * all of it, a partner its own organization's. Not part of the GraphQL contract.
 */
export const ReviewHistory: CollectionConfig = {
  slug: 'review-history',
  labels: {
    singular: label('Prüfschritt', 'Review step'),
    plural: label('Prüfverlauf', 'Review history'),
  },
  graphQL: false,
  admin: {
    // Shown in each document's review panel, not as a collection of its own.
    hidden: true,
    group: groups.system,
    useAsTitle: 'documentId',
  },
  access: collectionAccess('review-history'),
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'documentCollection',
      type: 'select',
      required: true,
      options: reviewedCollections.map((value) => ({
        value,
        label: value === 'projects' ? label('Projekte', 'Projects') : label('Personen', 'People'),
      })),
      label: label('Sammlung', 'Collection'),
    },
    {
      name: 'documentId',
      type: 'text',
      required: true,
      index: true,
      label: label('Dokument', 'Document'),
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      label: label('Organisation', 'Organization'),
    },
    {
      name: 'from',
      type: 'select',
      required: true,
      options: reviewStateOptions,
      label: label('Von', 'From'),
    },
    {
      name: 'to',
      type: 'select',
      required: true,
      options: reviewStateOptions,
      label: label('Nach', 'To'),
    },
    {
      name: 'actor',
      type: 'relationship',
      relationTo: 'users',
      label: label('Durch', 'By'),
    },
    {
      // The name at the time of the step: the record reads the same after an account is gone.
      name: 'actorName',
      type: 'text',
      label: label('Name', 'Name'),
    },
    { name: 'note', type: 'textarea', label: label('Anmerkung', 'Note') },
  ],
}
