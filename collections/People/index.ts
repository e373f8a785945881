import type { CollectionConfig } from 'payload'

import {
  changeOwnerField,
  collectionAccess,
  hiddenInAdmin,
  matrixGuard,
  ownOrganizationDefault,
} from '@/cms/access/fromMatrix'
import { previewButton } from '@/cms/admin/livePreview'
import { checkReviewTransition, stripReviewTrail } from '@collections/Projects/hooks/reviewWorkflow'
import { linksField } from '@/cms/fields/links'
import { slugField } from '@/cms/fields/slug'
import { groups, label } from '@/cms/labels'
import { forgetReviewHistory, recordReviewTransition } from '@/cms/review/recordTransition'
import { notifyReview } from '@/cms/review/notifyReview'
import { reviewFields } from '@/cms/review/reviewFields'
import { reviewListFilter } from '@/cms/review/listFilter'

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
      edit: { PublishButton: '/cms/admin/review/PublishOrSubmit#PublishOrSubmit' },
      beforeListTable: ['/cms/admin/review/ReviewListNote#ReviewListNote'],
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
  // The sitemap's parts, by month of creation, for the public (published, untrashed). The
  // directory's order (initiators first, then by name) mixes directions, which only SQLite's
  // schema hook can declare (src/data/adapter/sqliteSortIndexes.ts); see docs/indexes.md.
  indexes: [{ fields: ['_status', 'deletedAt', 'createdAt'] }],
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
