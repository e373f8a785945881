import { asLanguage, recipientLanguage } from '@/operations/mail/recipientLanguage'

test('a recipient’s language is one of the portal’s, German when unknown or unset', () => {
  expect(recipientLanguage({ language: 'en' })).toBe('en')
  expect(recipientLanguage({ language: null })).toBe('de')
  expect(recipientLanguage(undefined)).toBe('de')
  expect(asLanguage('en-GB')).toBe('en')
  expect(asLanguage(' EN ')).toBe('en')
  expect(asLanguage('fr')).toBe('de')
  expect(asLanguage(42)).toBe('de')
})
