import type { TextField } from 'payload'

type CountryOverrides = Partial<Omit<TextField, 'type' | 'hasMany'>>

/** An ISO 3166-1 alpha-2 code such as DE; stored upper case. */
export function countryField(overrides: CountryOverrides = {}): TextField {
  return {
    name: 'country',
    type: 'text',
    maxLength: 2,
    validate: (value: unknown) =>
      value === null || value === undefined || value === '' || /^[A-Z]{2}$/.test(String(value))
        ? true
        : 'Use a two-letter ISO 3166 country code such as DE',
    hooks: {
      beforeValidate: [
        ({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
      ],
    },
    admin: { description: 'ISO 3166-1 alpha-2, z. B. DE' },
    ...overrides,
  } as TextField
}
