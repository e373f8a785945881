import type { GlobalConfig } from 'payload'

import { globalAccess, hiddenInAdmin } from '@/cms/access/fromMatrix'
import { isStaffField } from '@/cms/access/isStaffField'
import { groups, label } from '@/cms/labels'
import { titleField } from '@/cms/fields/title'

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
    {
      name: 'privacyNotice',
      type: 'textarea',
      localized: true,
      label: label('Datenschutzhinweis zum Unterzeichnen', 'Privacy notice for signing'),
      admin: {
        description: label(
          'Steht auf der Seite zum Unterzeichnen über dem Absenden-Knopf.',
          'Shown on the signing page above the submit button.',
        ),
      },
    },
    {
      name: 'moderatePersonSignatures',
      type: 'checkbox',
      defaultValue: false,
      label: label('Unterschriften von Personen prüfen', 'Moderate signatures of persons'),
      // Organizations are always moderated; this decides for persons.
      access: { read: isStaffField, update: isStaffField },
      admin: {
        description: label(
          'An: Auch bestätigte Unterschriften von Personen warten auf Freigabe. Organisationen ' +
            'werden immer geprüft.',
          'On: confirmed signatures of persons also wait for approval. Organizations are always ' +
            'moderated.',
        ),
      },
    },
  ],
}
