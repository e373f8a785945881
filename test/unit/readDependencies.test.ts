import { changeOf } from '@/data/changes/changes'
import { etagOf } from '@/readCache/etag'
import { Flights } from '@/readCache/flights'
import { recordRead } from '@/data/changes/readRecording'
import { emptyReadSet, type ReadSet } from '@/data/changes/readSet'
import { changedSince, currentSequence, invalidateReadCache } from '@/data/changes/changeLog'
import { ReadCache } from '@/readCache/store'
import type { ReadCall } from '@/data/adapter/readMethods'
import type { WriteCall } from '@/data/adapter/layers'

const noHeaders = () => ''

function readsOf(...calls: ReadCall[]): ReadSet {
  const reads = emptyReadSet()
  for (const call of calls) recordRead(reads, call)
  return reads
}

const byId = (collection: string, id: string): ReadCall => ({
  method: 'findOne',
  args: {
    collection,
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
  },
})
const list = (collection: string, where: unknown = {}): ReadCall => ({
  method: 'find',
  args: { collection, where },
})

const stored = (reads: ReadSet) => ({
  headers: [['content-type', 'text/plain']] as [string, string][],
  body: Buffer.from('x'),
  etag: etagOf(Buffer.from('x')),
  vary: [],
  reads,
})

const update = (collection: string, id: string): WriteCall => ({
  method: 'updateOne',
  args: { collection, id },
  transaction: undefined,
})

beforeEach(() => invalidateReadCache())

describe('what a response depends on', () => {
  test('a publish of a person removes the article that shows them and keeps other entries', () => {
    const cache = new ReadCache(1024 * 1024)
    const at = currentSequence()
    // The article: its news item by slug, its author loaded by id (population).
    cache.admit(
      'article',
      stored(
        readsOf(list('news', { slug: { equals: 'a' } }), {
          method: 'find',
          args: { collection: 'people', where: { id: { in: ['p1'] } } },
        }),
      ),
      at,
    )
    cache.admit('other person', stored(readsOf(byId('people', 'p2'))), at)
    cache.admit('events', stored(readsOf(list('events'))), at)
    cache.admit('site', stored(readsOf({ method: 'findGlobal', args: { slug: 'site' } })), at)

    invalidateReadCache(changeOf(update('people', 'p1')))
    expect(cache.lookup('article', noHeaders)).toBeUndefined()
    expect(cache.lookup('other person', noHeaders)).toBeDefined()
    expect(cache.lookup('events', noHeaders)).toBeDefined()
    expect(cache.lookup('site', noHeaders)).toBeDefined()
  })

  test('a new event removes the event list but not the news list; a global only its readers', () => {
    const cache = new ReadCache(1024 * 1024)
    const at = currentSequence()
    cache.admit('news', stored(readsOf(list('news'))), at)
    cache.admit('events', stored(readsOf(list('events'))), at)
    cache.admit('one event', stored(readsOf(byId('events', 'e1'))), at)
    cache.admit('site', stored(readsOf({ method: 'findGlobal', args: { slug: 'site' } })), at)

    invalidateReadCache(
      changeOf({ method: 'create', args: { collection: 'events' }, transaction: undefined }),
    )
    expect(cache.lookup('news', noHeaders)).toBeDefined()
    expect(cache.lookup('events', noHeaders)).toBeUndefined()
    // A create can change any read of its collection, by id too (a read of an id not yet there).
    expect(cache.lookup('one event', noHeaders)).toBeUndefined()
    expect(cache.lookup('site', noHeaders)).toBeDefined()

    invalidateReadCache(
      changeOf({ method: 'updateGlobal', args: { slug: 'site' }, transaction: undefined }),
    )
    expect(cache.lookup('site', noHeaders)).toBeUndefined()
    expect(cache.lookup('news', noHeaders)).toBeDefined()
  })

  test('a real delete removes everything: foreign keys change other collections too', () => {
    const cache = new ReadCache(1024 * 1024)
    cache.admit('events', stored(readsOf(list('events'))), currentSequence())
    invalidateReadCache(
      changeOf({
        method: 'deleteOne',
        args: { collection: 'people', where: { id: { equals: 'p1' } } },
        transaction: undefined,
      }),
    )
    expect(cache.lookup('events', noHeaders)).toBeUndefined()
  })

  test('a filter or sort through a relationship, and a response that recorded nothing, depend on every change', () => {
    const cache = new ReadCache(1024 * 1024)
    const at = currentSequence()
    cache.admit(
      'through',
      stored(readsOf(list('projects', { 'organization.slug': { equals: 'x' } }))),
      at,
    )
    cache.admit(
      'sorted',
      stored(
        readsOf({ method: 'find', args: { collection: 'projects', sort: 'organization.name' } }),
      ),
      at,
    )
    cache.admit('nothing', stored(emptyReadSet()), at)
    cache.admit('projects', stored(readsOf(list('projects'))), at)
    invalidateReadCache(changeOf(update('organizations', 'o1')))
    expect(cache.lookup('through', noHeaders)).toBeUndefined()
    expect(cache.lookup('sorted', noHeaders)).toBeUndefined()
    expect(cache.lookup('nothing', noHeaders)).toBeUndefined()
    expect(cache.lookup('projects', noHeaders)).toBeDefined()
  })

  test('an answer is stored only if nothing it read changed while it was computed', () => {
    const cache = new ReadCache(1024 * 1024)
    const at = currentSequence()
    invalidateReadCache(changeOf(update('events', 'e1')))
    expect(changedSince(at, readsOf(list('news')))).toBe(false)
    expect(cache.admit('news', stored(readsOf(list('news'))), at)).toBe(true)
    expect(changedSince(at, readsOf(byId('events', 'e2')))).toBe(false)
    expect(changedSince(at, readsOf(byId('events', 'e1')))).toBe(true)
    expect(cache.admit('event', stored(readsOf(byId('events', 'e1'))), at)).toBe(false)
  })

  test('a read older than the changes remembered stores nothing', () => {
    const cache = new ReadCache(1024 * 1024)
    const at = currentSequence()
    for (let i = 0; i < 1100; i++) invalidateReadCache(changeOf(update('events', `e${i}`)))
    expect(cache.admit('news', stored(readsOf(list('news'))), at)).toBe(false)
  })

  test('a search answer depends on the index, which changes after the commit', () => {
    const cache = new ReadCache(1024 * 1024)
    const reads = emptyReadSet()
    reads.searchIndex = true
    cache.admit('search', stored(reads), currentSequence())
    invalidateReadCache(changeOf(update('news', 'n1')))
    expect(cache.lookup('search', noHeaders)).toBeDefined()
    invalidateReadCache({ kind: 'search-index' })
    expect(cache.lookup('search', noHeaders)).toBeUndefined()
  })
})

describe('one render per key', () => {
  test('a follower waits for the leader, and at most the bound when it hangs', async () => {
    const flights = new Flights(50)
    const end = flights.lead('k')!
    expect(end).toBeInstanceOf(Function)
    expect(flights.lead('k')).toBeNull()
    let followed = false
    const follower = flights.follow('k').then(() => (followed = true))
    await new Promise((resolve) => setImmediate(resolve))
    expect(followed).toBe(false)
    end()
    await follower
    expect(followed).toBe(true)
    expect(flights.size).toBe(0)

    // A leader that never ends: the follower still gets on (without the bound, this test would
    // time out), and the leader still leads.
    flights.lead('hangs')
    await flights.follow('hangs')
    expect(flights.lead('hangs')).toBeNull()
  })
})
