import type { TextField } from 'payload'

import { translate } from '@/cms/i18n/translate'

import { normaliseText, plainTextProblem } from './plainText'

type Options = Omit<TextField, 'type' | 'hasMany' | 'maxLength'> & { maxLength: number }

/**
 * A text field for names and free text typed by signers (and staff): stored normalised, and
 * refusing links and markup wherever it is written from (form, GraphQL, REST, admin).
 */
export function plainTextField({ maxLength, ...overrides }: Options): TextField {
  return {
    type: 'text',
    maxLength,
    validate: (
      value: unknown,
      {
        req,
      }: { req: Parameters<typeof translate>[0] & { t: (key: 'validation:required') => string } },
    ) => {
      if (value === null || value === undefined || value === '') {
        return overrides.required ? req.t('validation:required') : true
      }
      const problem = plainTextProblem(String(value), maxLength)
      if (!problem) return true
      return translate(req, problem === 'too long' ? 'portal:textTooLong' : 'portal:textNoLinks')
    },
    hooks: {
      beforeValidate: [({ value }) => (typeof value === 'string' ? normaliseText(value) : value)],
    },
    ...overrides,
  } as TextField
}
