import type { Request } from 'express'

import { requesterLanguage } from '@/edge/refusals/language'
import { personBytes, wordsIn } from '@/edge/refusals/wording'

const request = (path: string, headers: Record<string, string> = {}) =>
  ({
    path,
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
  }) as unknown as Request

test('sizes read as a person reads them, in each language’s number format', () => {
  expect(personBytes(15 * 1024 * 1024, 'de')).toBe('15 MB')
  expect(personBytes(20971935, 'de')).toBe('20 MB')
  expect(personBytes(17.5 * 1024 * 1024, 'de')).toBe('17,5 MB')
  expect(personBytes(17.5 * 1024 * 1024, 'en')).toBe('17.5 MB')
  expect(personBytes(64 * 1024, 'en')).toBe('64 KB')
  expect(personBytes(512, 'de')).toBe('512 Byte')
})

test('a refusal speaks the page’s language, else the admin’s, else the browser’s, else the fallback', () => {
  expect(requesterLanguage(request('/en/news', { Cookie: 'payload-lng=de' }), 'de')).toBe('en')
  expect(requesterLanguage(request('/de', { 'Accept-Language': 'en' }), 'en')).toBe('de')
  const upload = { Cookie: 'a=1; payload-lng=de', 'Accept-Language': 'en-GB,en;q=0.9' }
  expect(requesterLanguage(request('/api/media', upload), 'en')).toBe('de')
  expect(requesterLanguage(request('/api/news', { 'Accept-Language': 'fr, de;q=0.5' }), 'en')).toBe(
    'de',
  )
  // `*` (a script's HTTP client) and an unknown language name no portal language.
  expect(requesterLanguage(request('/api/graphql', { 'Accept-Language': '*' }), 'en')).toBe('en')
  expect(requesterLanguage(request('/declaration', { 'Accept-Language': 'fr' }), 'de')).toBe('de')
  // A look-alike cookie is not the admin's language.
  expect(requesterLanguage(request('/api/x', { Cookie: 'xpayload-lng=de' }), 'en')).toBe('en')
})

test('the edge’s refusals exist in both languages and name the setting to raise', () => {
  for (const language of ['de', 'en'] as const) {
    const words = wordsIn(language)
    const tooLarge = words.tooLarge({
      kind: 'JSON',
      size: null,
      limit: 2 * 1024 * 1024,
      setting: 'JSON_BODY_MAX_BYTES',
    })
    expect(tooLarge).toContain('2 MB')
    expect(tooLarge).toContain('JSON_BODY_MAX_BYTES')
    expect(words.rateLimited('address', 7)).toContain('7')
    expect(words.url('host', 2048)).toMatch(/Host/)
  }
  expect(wordsIn('de').busy(3)).toBe(
    'Das Portal ist gerade ausgelastet. Bitte versuchen Sie es in 3 Sekunden noch einmal.',
  )
})
