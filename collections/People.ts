import type { CollectionConfig } from 'payload'

import {
  changeOwnerField,
  collectionAccess,
  hiddenInAdmin,
  matrixGuard,
  ownOrganizationDefault,
} from '@/access/fromMatrix'
import { previewButton } from '@/admin/preview'
import { checkReviewTransition, stripReviewTrail } from '@collections/Projects/hooks/reviewWorkflow'
import { linksField } from '@/fields/links'
import { slugField } from '@/fields/slug'
import { groups, label } from '@/labels'
import { forgetReviewHistory, recordReviewTransition } from '@/review/recordTransition'
import { notifyReview } from '@/review/notifyReview'
import { reviewFields } from '@/review/reviewFields'
import { reviewListFilter } from '@/review/listFilter'

export const People: CollectionConfig = {
  slug: 'people',
  labels: { singular: label('Person', 'Person'), plural: label('Personen', 'People') },
  graphQL: { singularName: 'Person', pluralName: 'People' },
  admin: {
    hidden: hiddenInAdmin('people'),
    group: groups.community,
    useAsTitle: 'name',
    // Partners submit for review where others publish.
    components: {
      edit: { PublishButton: '/components/admin/review/PublishOrSubmit#PublishOrSubmit' },
      beforeListTable: ['/components/admin/review/ReviewListNote#ReviewListNote'],
    },
    // `?review=in-review` (the dashboard's links) narrows the list to one review state.
    baseFilter: reviewListFilter,
    preview: previewButton('people'),
    defaultColumns: ['name', 'organization', 'initiator'],
  },
  access: collectionAccess('people'),
  // Deleting moves a person into the trash; editors restore it, admins empty the trash.
  trash: true,
  // Partners' people go through the same review as their projects.
  hooks: {
    beforeOperation: [matrixGuard('people'), stripReviewTrail],
    beforeChange: [checkReviewTransition],
    afterChange: [recordReviewTransition, notifyReview],
    afterDelete: [forgetReviewHistory],
  },
  versions: { drafts: true, maxPerDoc: 50 },
  defaultPopulate: { name: true, honorific: true, slug: true, roleTitle: true, photo: true },
  fields: [
    // The directory sorts by name.
    { name: 'name', type: 'text', required: true, index: true, label: label('Name', 'Name') },
    {
      name: 'honorific',
      type: 'text',
      label: label('Titel', 'Honorific'),
      admin: { description: label('z. B. Dr.', 'e.g. Dr.') },
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
    ...reviewFields(),
  ],
}
