import type { TextField } from 'payload'

import { translate } from '@/cms/i18n/translate'

type UrlOverrides = Partial<Omit<TextField, 'type' | 'name' | 'hasMany'>>

type Translator = Parameters<typeof translate>[0]

/** Accepts absolute http(s) URLs only, so a link can never become `javascript:`. */
export const validateHttpUrl = (value: unknown, req: Translator): string | true => {
  if (value === null || value === undefined || value === '') return true
  if (typeof value === 'string') {
    try {
      const url = new URL(value)
      if (url.protocol === 'http:' || url.protocol === 'https:') return true
    } catch {
      // fall through
    }
  }
  return translate(req, 'portal:urlInvalid', { value: String(value).slice(0, 200) })
}

export function urlField(name: string, overrides: UrlOverrides = {}): TextField {
  return {
    name,
    type: 'text',
    validate: (value: unknown, { req }: { req: Translator }) => validateHttpUrl(value, req),
    ...overrides,
  } as TextField
}
