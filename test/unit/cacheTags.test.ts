/**
 * A purge by a change's tags removes exactly the answers the change touches (the read cache's own
 * rule, `touches`): checked over many generated read sets and changes. Past MAX_TAGS an answer
 * stands in with whole collections, which purges a little more, never less.
 */
import { MAX_TAGS, tagsOfChange, tagsOfReads } from '@/data/changes/cacheTags'
import { emptyReadSet, touches, type Change, type ReadSet } from '@/data/changes/readSet'

const collections = ['news', 'people', 'projects']
const globals = ['site', 'declaration']
const ids = ['1', '2', '3', '4']

/** A small deterministic generator, so a failure can be reproduced. */
function generator(seed: number) {
  let state = seed
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  return { next, pick }
}

function randomReads(random: ReturnType<typeof generator>, manyIds = 0): ReadSet {
  const reads = emptyReadSet()
  reads.unknown = random.next() < 0.05
  reads.searchIndex = random.next() < 0.1
  for (const collection of collections) {
    if (random.next() < 0.25) reads.collections.add(collection)
    if (random.next() < 0.4) {
      const read = new Set(ids.filter(() => random.next() < 0.5))
      for (let i = 0; i < manyIds; i++) read.add(`many-${i}`)
      if (read.size > 0) reads.documents.set(collection, read)
    }
  }
  for (const global of globals) if (random.next() < 0.3) reads.globals.add(global)
  return reads
}

function randomChange(random: ReturnType<typeof generator>): Change {
  const kind = random.pick(['everything', 'collection', 'documents', 'global', 'search'] as const)
  if (kind === 'everything') return { kind }
  if (kind === 'search') return { kind: 'search-index' }
  if (kind === 'global') return { kind, global: random.pick(globals) }
  const collection = random.pick(collections)
  if (kind === 'collection') return { kind, collection }
  return { kind, collection, ids: ids.filter(() => random.next() < 0.4).concat(random.pick(ids)) }
}

const purged = (reads: ReadSet, change: Change) => {
  const carried = new Set(tagsOfReads(reads, new Date('2026-12-06T12:00:00Z')))
  return tagsOfChange(change).some((tag) => carried.has(tag))
}

test('within the bound, a change purges exactly the answers it touches (5000 generated pairs)', () => {
  const random = generator(20261206)
  const wrong: number[] = []
  for (let i = 0; i < 5000; i++) {
    const reads = randomReads(random)
    const change = randomChange(random)
    if (purged(reads, change) !== touches(change, reads)) wrong.push(i)
  }
  expect(wrong).toEqual([])
})

test('past the bound an answer carries at most MAX_TAGS tags and is still purged by every change that touches it', () => {
  const random = generator(7)
  const wrong: number[] = []
  for (let i = 0; i < 1000; i++) {
    const reads = randomReads(random, 40)
    const change = randomChange(random)
    const tooMany = tagsOfReads(reads, new Date()).length > MAX_TAGS
    if (tooMany || (touches(change, reads) && !purged(reads, change))) wrong.push(i)
  }
  expect(wrong).toEqual([])
})

test('every answer carries the day it was computed on (UTC) and the tag a real delete purges', () => {
  const tags = tagsOfReads(emptyReadSet(), new Date('2026-12-06T23:59:59.999Z'))
  expect(tags).toEqual(expect.arrayContaining(['all', 'day:2026-12-06']))
  expect(tagsOfChange({ kind: 'everything' })).toEqual(['all'])
})
