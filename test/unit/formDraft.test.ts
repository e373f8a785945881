/**
 * The sealed draft of a refused signing form (src/cms/signatures/formDraft.ts): it gives back what was
 * typed, to this portal only, for ten minutes; no one can read the address out of the cookie.
 */
import {
  draftCookieHeader,
  openDraft,
  problemsParameter,
  readProblems,
  sealDraft,
} from '@/cms/signatures/formDraft'

const secret = 'test-secret-test-secret-test-secret-0000'
const typed = { name: 'Jörg www.example', email: 'joerg@example.org', kind: 'person', altcha: 'x' }

test('what was typed comes back sealed: unreadable, unalterable, for ten minutes', () => {
  const now = Date.now()
  const sealed = sealDraft(secret, typed, now)
  expect(sealed).not.toContain('joerg')
  expect(Buffer.from(sealed.replace(/\./g, ''), 'base64url').toString('latin1')).not.toContain(
    'example.org',
  )
  // Only the form's fields are kept (not the proof of work).
  expect(openDraft(secret, sealed, now + 1000)).toEqual({
    name: 'Jörg www.example',
    email: 'joerg@example.org',
    kind: 'person',
  })
  expect(openDraft(secret, sealed, now + 11 * 60_000)).toBeNull()
  expect(openDraft('another-secret-another-secret-000000', sealed, now)).toBeNull()
  const altered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`
  expect(openDraft(secret, altered, now)).toBeNull()
  expect(openDraft(secret, 'not.a.draft', now)).toBeNull()
  expect(openDraft(secret, undefined, now)).toBeNull()
})

test('the cookie is HttpOnly and for the signing page of one language only', () => {
  expect(draftCookieHeader('de', 'abc', true)).toBe(
    'signature-draft=abc; Path=/de/declaration/sign; Max-Age=600; HttpOnly; SameSite=Lax; Secure',
  )
  expect(draftCookieHeader('en', null, false)).toContain('Max-Age=0')
})

test('the URL names the problems by field and kind, and nothing else', () => {
  const parameter = problemsParameter([
    { field: 'name', problem: 'link' },
    { field: 'email', problem: 'invalid' },
  ])
  expect(parameter).toBe('name:link,email:invalid')
  expect(readProblems(parameter, ['name', 'email'])).toEqual({ name: 'link', email: 'invalid' })
  expect(readProblems('name,evil:link,email:<b>', ['name', 'email'])).toEqual({ name: 'invalid' })
})
