import type { TextField } from 'payload'

type UrlOverrides = Partial<Omit<TextField, 'type' | 'name' | 'hasMany'>>

/** Accepts absolute http(s) URLs only, so a link can never become `javascript:`. */
export const validateHttpUrl = (value: unknown): string | true => {
  if (value === null || value === undefined || value === '') return true
  if (typeof value !== 'string') return 'Must be a URL'
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return true
  } catch {
    // fall through
  }
  return `"${value}" is not an absolute http(s) URL`
}

export function urlField(name: string, overrides: UrlOverrides = {}): TextField {
  return {
    name,
    type: 'text',
    validate: (value: unknown) => validateHttpUrl(value),
    ...overrides,
  } as TextField
}
