import type { Field } from 'payload'

import { isStaffField } from '@/cms/access/isStaffField'
import { ownerOrStaffField } from '@/cms/access/ownerOrStaffField'
import { label } from '@/cms/labels'

import { reviewStateOptions } from './states'

/**
 * The review trail of a document partners submit (projects, people) and the admin panel that
 * shows it. The trail itself is kept out of the admin's form (`disabled`): it changes only through
 * the panel's actions, which the server checks (reviewWorkflow), so a form saved later with an
 * old state can never undo a submission or an approval.
 */
export function reviewFields(): Field[] {
  return [
    {
      name: 'review',
      type: 'group',
      label: label('Prüfung', 'Review'),
      // The review trail is internal: staff and the owning partner read it; the public never.
      access: { read: ownerOrStaffField },
      admin: { position: 'sidebar', disabled: true },
      fields: [
        {
          name: 'state',
          type: 'select',
          defaultValue: 'draft',
          index: true,
          options: reviewStateOptions,
          label: label('Status', 'State'),
        },
        {
          name: 'note',
          type: 'textarea',
          label: label('Anmerkung', 'Note'),
          access: { update: isStaffField },
        },
        {
          name: 'submittedBy',
          type: 'relationship',
          relationTo: 'users',
          label: label('Eingereicht von', 'Submitted by'),
          admin: { readOnly: true },
        },
        {
          name: 'submittedAt',
          type: 'date',
          label: label('Eingereicht am', 'Submitted at'),
          admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'reviewedBy',
          type: 'relationship',
          relationTo: 'users',
          label: label('Geprüft von', 'Reviewed by'),
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'reviewPanel',
      type: 'ui',
      label: label('Prüfung', 'Review'),
      admin: {
        position: 'sidebar',
        components: { Field: '/cms/admin/review/ReviewPanel#ReviewPanel' },
      },
    },
  ]
}
