/**
 * What each kind of write purges from a shared cache (src/data/changes/sharedCachePurge.ts):
 * exactly its tags, once, after the commit and before the write returns; nothing for a write the
 * public cannot see or for a change that rolls back.
 */
import type { Payload } from 'payload'

import { buildSearchIndex, servingEngine } from '@/cms/search/indexer'
import { dropSearchState } from '@/cms/search/state'
import { sharedCachePurger } from '@/data/changes/sharedCachePurge'

import { startPayload, stopPayload } from '../helpers/api'
import { rolledBack } from '../helpers/rollback'

let payload: Payload
let purged: string[][] = []

beforeAll(async () => {
  payload = await startPayload()
  sharedCachePurger.set(async (tags) => {
    purged.push(tags)
  })
})
afterAll(async () => {
  dropSearchState()
  sharedCachePurger.set(undefined)
  await stopPayload(payload)
})
beforeEach(() => {
  purged = []
})

const purgedTags = () => new Set(purged.flat())

test('publishing a new item purges its collection’s lists (before the create returns)', async () => {
  await payload.create({
    collection: 'news',
    data: { title: 'Neu für die Listen', _status: 'published' },
  })
  expect(purgedTags()).toEqual(new Set(['c:news', 'r:news', 'any']))
})

test('changing a published item purges it and its collection’s lists, nothing else', async () => {
  const { docs } = await payload.find({ collection: 'news', limit: 1, depth: 0 })
  const id = String(docs[0]!.id)
  purged = []
  await payload.update({
    collection: 'news',
    id,
    data: { title: 'Geändert', _status: 'published' },
  })
  expect([...purgedTags()].filter((tag) => !tag.startsWith('c:') && tag !== 'any')).toEqual([
    `d:news:${id}`,
  ])
  expect(purgedTags().has('c:news')).toBe(true)
})

test('a global purges that global', async () => {
  await payload.updateGlobal({ slug: 'site', data: { tagline: 'Ein neuer Claim' } })
  expect(purgedTags()).toEqual(new Set(['g:site', 'any']))
})

test('a real delete purges every answer', async () => {
  const created = await payload.create({
    collection: 'people',
    data: { name: 'Bald gelöscht', _status: 'published' },
  })
  await payload.update({
    collection: 'people',
    id: created.id,
    data: { deletedAt: new Date().toISOString() },
  })
  purged = []
  await payload.delete({ collection: 'people', id: created.id, trash: true })
  expect(purgedTags().has('all')).toBe(true)
})

test('a draft, a rollback and writes the public never sees purge nothing', async () => {
  const { docs } = await payload.find({ collection: 'news', limit: 1, depth: 0 })
  await payload.update({
    collection: 'news',
    id: docs[0]!.id,
    draft: true,
    data: { title: 'Entwurf' },
  })
  await rolledBack(payload, (req) =>
    payload.create({ collection: 'news', data: { title: 'Zurück', _status: 'published' }, req }),
  )
  await payload.create({
    collection: 'mail-queue',
    data: {
      to: 'a@example.org',
      subject: 's',
      kind: 'password-reset',
      language: 'de',
      status: 'sent',
    },
  })
  expect(purged).toEqual([])
})

// Last: the index stays built until the file ends, and later writes would purge `search` too.
test('once the search index has taken a published change, answers from the index are purged', async () => {
  await buildSearchIndex(payload)
  purged = []
  await payload.create({
    collection: 'news',
    data: { title: 'Gefunden werden', _status: 'published' },
  })
  expect(purgedTags().has('search')).toBe(true)
})

test('with the index built, a draft save purges nothing: the index did not change', async () => {
  const { docs } = await payload.find({ collection: 'news', limit: 1, depth: 0 })
  purged = []
  await payload.update({
    collection: 'news',
    id: docs[0]!.id,
    draft: true,
    autosave: true,
    data: { title: 'Ein Entwurf, den niemand findet' },
  })
  // The index takes changes in its own queue: wait until it has taken this one.
  await servingEngine()
  expect(purged).toEqual([])
})
