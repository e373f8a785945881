import type { TextField } from 'payload'

import { label } from '@/cms/labels'

/** The required, localized title most content has; the slug is generated from its German text. */
export function titleField(
  overrides: Partial<Pick<TextField, 'label' | 'admin' | 'maxLength' | 'index'>> = {},
): TextField {
  return {
    name: 'title',
    type: 'text',
    required: true,
    localized: true,
    label: label('Titel', 'Title'),
    ...overrides,
  }
}
