import type { TextField } from 'payload'

import { translate } from '@/cms/i18n/translate'
import { label } from '@/cms/labels'

type CountryOverrides = Partial<Omit<TextField, 'type' | 'hasMany'>>

/** An ISO 3166-1 alpha-2 code such as DE; stored upper case. */
export function countryField(overrides: CountryOverrides = {}): TextField {
  return {
    name: 'country',
    type: 'text',
    maxLength: 2,
    label: label('Land', 'Country'),
    validate: (value: unknown, { req }: { req: Parameters<typeof translate>[0] }) =>
      value === null || value === undefined || value === '' || /^[A-Z]{2}$/.test(String(value))
        ? true
        : translate(req, 'portal:countryInvalid'),
    hooks: {
      beforeValidate: [
        ({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
      ],
    },
    admin: { description: label('ISO 3166-1 alpha-2, z. B. DE', 'ISO 3166-1 alpha-2, e.g. DE') },
    ...overrides,
  } as TextField
}
