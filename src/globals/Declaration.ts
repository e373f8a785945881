import type { GlobalConfig } from 'payload'

import { globalAccess, hiddenInAdmin } from '@/access/fromMatrix'
import { groups, label } from '@/labels'
import { titleField } from '@/fields/title'

export const Declaration: GlobalConfig = {
  slug: 'declaration',
  label: label('Erklärung', 'Declaration'),
  graphQL: { name: 'Declaration' },
  admin: { group: groups.settings, hidden: hiddenInAdmin('declaration') },
  access: globalAccess('declaration'),
  versions: { drafts: true, max: 50 },
  fields: [
    titleField(),
    { name: 'subtitle', type: 'text', localized: true, label: label('Untertitel', 'Subtitle') },
    { name: 'body', type: 'richText', localized: true, label: label('Text', 'Body') },
    { name: 'signedOn', type: 'date', label: label('Unterzeichnet am', 'Signed on') },
    { name: 'place', type: 'text', label: label('Ort', 'Place') },
    {
      name: 'initiators',
      type: 'relationship',
      relationTo: 'people',
      hasMany: true,
      label: label('Initiator:innen', 'Initiators'),
    },
    {
      name: 'principles',
      type: 'relationship',
      relationTo: 'principles',
      hasMany: true,
      label: label('Prinzipien (in Reihenfolge)', 'Principles (ordered)'),
    },
    {
      name: 'callToAction',
      type: 'textarea',
      localized: true,
      label: label('Aufruf', 'Call to action'),
    },
  ],
}
