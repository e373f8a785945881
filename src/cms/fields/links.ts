import type { ArrayField } from 'payload'

import { label } from '@/cms/labels'

import { urlField } from './url'

type LinksOverrides = Partial<Omit<ArrayField, 'type' | 'fields'>>

/** A list of labelled external links (a person's profiles, a footer's links). */
export function linksField(overrides: LinksOverrides = {}): ArrayField {
  return {
    name: 'links',
    type: 'array',
    ...overrides,
    fields: [
      { name: 'label', type: 'text', required: true, label: label('Bezeichnung', 'Label') },
      urlField('url', { required: true, label: label('Adresse', 'URL') }),
    ],
  } as ArrayField
}
