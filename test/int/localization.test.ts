import type { Payload } from 'payload'

import { graphql, rest, startPayload, stopPayload } from '../helpers/api'
import { createUser } from '../helpers/users'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => stopPayload(payload))

type Principles = { Principles: { docs: { title: string; position: number }[] } }

test('the seeded principles read in German by default and in English on request (GraphQL)', async () => {
  const query = `query ($locale: LocaleInputType) { Principles(locale: $locale, sort: "position") { docs { title position } } }`
  const german = await graphql<Principles>(query)
  const english = await graphql<Principles>(query, { locale: 'en' })
  expect(german.data?.Principles.docs.map((p) => p.title)).toEqual([
    'Offener Austausch',
    'Gemeinsame Projekte',
    'Gemeinsame Open-Source-Basis',
    'Rahmenbedingungen mitgestalten',
  ])
  expect(english.data?.Principles.docs.map((p) => p.title)).toEqual([
    'Open exchange',
    'Joint projects',
    'A common open-source base',
    'Shaping the framework',
  ])
})

test('REST honours ?locale= and the declaration exists in both languages', async () => {
  const de = await rest('GET', '/globals/declaration?locale=de')
  const en = await rest('GET', '/globals/declaration?locale=en')
  expect(de.body.subtitle).toMatch(/Erklärung/)
  expect(en.body.subtitle).toMatch(/declaration/)
})

test('missing English text falls back to German; fallback can be switched off', async () => {
  const editor = await createUser(payload, 'editor')
  const created = await rest('POST', '/news?locale=de', {
    token: editor.token,
    body: { title: 'Nur auf Deutsch', excerpt: 'Kurz', _status: 'published' },
  })
  const id = (created.body.doc as { id: string }).id
  const english = await rest('GET', `/news/${id}?locale=en`)
  expect(english.body.title).toBe('Nur auf Deutsch')
  const noFallback = await rest('GET', `/news/${id}?locale=en&fallback-locale=none`)
  expect(noFallback.body.title ?? null).toBeNull()

  await rest('PATCH', `/news/${id}?locale=en`, {
    token: editor.token,
    body: { title: 'English only later' },
  })
  expect((await rest('GET', `/news/${id}?locale=en`)).body.title).toBe('English only later')
  expect((await rest('GET', `/news/${id}?locale=de`)).body.title).toBe('Nur auf Deutsch')

  const gql = await graphql<{ NewsItem: { title: string } }>(
    `
      query ($id: String!) {
        NewsItem(id: $id, locale: en) {
          title
        }
      }
    `,
    { id },
  )
  expect(gql.data?.NewsItem.title).toBe('English only later')
})

test('localized array labels keep one row per item in both locales (site navigation)', async () => {
  const de = await rest('GET', '/globals/site?locale=de')
  const en = await rest('GET', '/globals/site?locale=en')
  const labels = (body: Record<string, unknown>) =>
    (body.navigation as { label: string }[]).map((n) => n.label)
  expect(labels(de.body)).toEqual([
    'Erklärung',
    'Neuigkeiten',
    'Projekte',
    'Personen',
    'Veranstaltungen',
  ])
  expect(labels(en.body)).toEqual(['Declaration', 'News', 'Projects', 'People', 'Events'])
})
