import type { CollectionConfig } from 'payload'

import {
  changeOwnerField,
  collectionAccess,
  hiddenInAdmin,
  matrixGuard,
  ownOrganizationDefault,
} from '@/cms/access/fromMatrix'
import { groups, label } from '@/cms/labels'
import { readMediaDir } from '@/core/env'

/** What may be uploaded; Payload checks each file's content against this list, not its name. */
export const allowedMimeTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'application/pdf',
]

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: label('Medium', 'Media item'), plural: label('Medien', 'Media') },
  graphQL: { singularName: 'MediaItem', pluralName: 'Media' },
  admin: {
    hidden: hiddenInAdmin('media'),
    group: groups.content,
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'alt'],
  },
  access: collectionAccess('media'),
  hooks: { beforeOperation: [matrixGuard('media')] },
  upload: {
    // MEDIA_DIR (media/ by default): backups read it, restores write it (docs/operations.md).
    staticDir: readMediaDir(),
    mimeTypes: allowedMimeTypes,
    focalPoint: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 400 },
      { name: 'card', width: 800 },
      { name: 'hero', width: 1600 },
      { name: 'og', width: 1200, height: 630, position: 'centre' },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      localized: true,
      label: label('Alternativtext', 'Alt text'),
    },
    {
      name: 'caption',
      type: 'textarea',
      localized: true,
      label: label('Bildunterschrift', 'Caption'),
    },
    {
      name: 'credit',
      type: 'text',
      label: label('Bildnachweis', 'Credit'),
      admin: {
        description: label('z. B. der Name der Fotografin', 'e.g. the photographer’s name'),
      },
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      label: label('Eigentümer', 'Owner'),
      index: true,
      access: { update: changeOwnerField('media') },
      defaultValue: ownOrganizationDefault,
      admin: { position: 'sidebar' },
    },
  ],
}
