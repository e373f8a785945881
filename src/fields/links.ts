import type { ArrayField } from 'payload'

import { urlField } from './url'

type LinksOverrides = Partial<Omit<ArrayField, 'type' | 'fields'>>

/** A list of labelled external links (a person's profiles, a footer's links). */
export function linksField(overrides: LinksOverrides = {}): ArrayField {
  return {
    name: 'links',
    type: 'array',
    ...overrides,
    fields: [{ name: 'label', type: 'text', required: true }, urlField('url', { required: true })],
  } as ArrayField
}
