import type { Payload } from 'payload'

import { slugify } from '@/cms/fields/transliterate'

import { rest, startPayload, stopPayload } from '../helpers/api'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let editor: TestUser
beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
})
afterAll(() => stopPayload(payload))

const createNews = (body: Record<string, unknown>) =>
  rest('POST', '/news', { token: editor.token, body })
const slugOf = (res: { body: Record<string, unknown> }) => (res.body.doc as { slug: string }).slug

test('generated from the German title with German transliteration', async () => {
  const res = await createNews({ title: 'Größere Übersicht für Ärztinnen & Straßen' })
  expect(res.status).toBe(201)
  expect(slugOf(res)).toBe('groessere-uebersicht-fuer-aerztinnen-und-strassen')
})

test.each([
  ['ä', 'ae'],
  ['ö', 'oe'],
  ['ü', 'ue'],
  ['Ä', 'ae'],
  ['Ö', 'oe'],
  ['Ü', 'ue'],
  ['ß', 'ss'],
  ['ẞ', 'ss'],
  // Decomposed (a letter and U+0308), as some keyboards and editors write umlauts.
  ['a\u0308', 'ae'],
  ['U\u0308', 'ue'],
  ['é', 'e'],
])('%s in a title becomes %s in the slug', (letter, expected) => {
  expect(slugify(`Kr${letter}ft`)).toBe(`kr${expected}ft`)
})

test('a generated slug that is taken gets a numeric suffix', async () => {
  const first = await createNews({ title: 'Doppelte Überschrift' })
  const second = await createNews({ title: 'Doppelte Überschrift' })
  const third = await createNews({ title: 'Doppelte Überschrift' })
  expect([slugOf(first), slugOf(second), slugOf(third)]).toEqual([
    'doppelte-ueberschrift',
    'doppelte-ueberschrift-2',
    'doppelte-ueberschrift-3',
  ])
})

test('a hand-typed duplicate slug is refused with a 400 that names the field', async () => {
  const res = await createNews({ title: 'Etwas anderes', slug: 'doppelte-ueberschrift' })
  expect(res.status).toBe(400)
  expect(JSON.stringify(res.body)).toContain('slug')
})

test('a hand-typed slug is normalised', async () => {
  const res = await createNews({ title: 'Egal', slug: 'Mein Schöner Slug' })
  expect(slugOf(res)).toBe('mein-schoener-slug')
})

test('stable after publishing: a title change keeps the slug; a deliberate change is allowed', async () => {
  const created = await createNews({ title: 'Stabiler Titel', _status: 'published' })
  const id = (created.body.doc as { id: string }).id
  const retitled = await rest('PATCH', `/news/${id}`, {
    token: editor.token,
    body: { title: 'Ganz neuer Titel' },
  })
  expect(slugOf(retitled)).toBe('stabiler-titel')
  const renamed = await rest('PATCH', `/news/${id}`, {
    token: editor.token,
    body: { slug: 'neuer-slug' },
  })
  expect(slugOf(renamed)).toBe('neuer-slug')
})

test('the English title does not change the slug', async () => {
  const created = await createNews({ title: 'Deutscher Titel' })
  const id = (created.body.doc as { id: string }).id
  const en = await rest('PATCH', `/news/${id}?locale=en`, {
    token: editor.token,
    body: { title: 'English title' },
  })
  expect(slugOf(en)).toBe('deutscher-titel')
})

test('people and organizations get slugs from their names', async () => {
  const person = await rest('POST', '/people', {
    token: editor.token,
    body: { name: 'Jürgen Weiß' },
  })
  expect(slugOf(person)).toBe('juergen-weiss')
  const org = await rest('POST', '/organizations', {
    token: editor.token,
    body: { name: 'Künstliche Intelligenz Köln e.V.', kind: 'association' },
  })
  expect(slugOf(org)).toBe('kuenstliche-intelligenz-koeln-e-v')
})
