import type { AdapterLayer } from '@/data/adapter/layers'
import type { ReadCall } from '@/data/adapter/readMethods'

import { activeReadSet } from './readAttribution'
import type { ReadSet } from './readSet'

type Where = Record<string, unknown>

const isObject = (value: unknown): value is Where =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The ids a `where` limits the answer to, or null when it may match any document. Payload reads
 * by id with `{ and: [{ id: { equals } }, …access] }` and loads related documents (population,
 * batched by its data loader) with `{ id: { in: [...] } }`: one conjunct on the ids is enough,
 * whatever else the `and` asks of the same documents.
 */
export function idsOf(where: unknown): string[] | null {
  if (!isObject(where)) return null
  const id = where.id
  if (isObject(id)) {
    if (typeof id.equals === 'string' || typeof id.equals === 'number') return [String(id.equals)]
    if (Array.isArray(id.in) && id.in.every((v) => typeof v === 'string' || typeof v === 'number'))
      return id.in.map(String)
  }
  if (Array.isArray(where.and)) {
    for (const part of where.and) {
      const ids = idsOf(part)
      if (ids) return ids
    }
  }
  return null
}

/**
 * Whether a `where` or `sort` names a path through another document (`organization.name`): the
 * answer then depends on documents of a collection the read does not name.
 */
function throughRelations(where: unknown): boolean {
  if (Array.isArray(where)) return where.some(throughRelations)
  if (!isObject(where)) return false
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      if (throughRelations(value)) return true
    } else if (key.includes('.')) return true
  }
  return false
}

const sortThroughRelations = (sort: unknown): boolean =>
  (typeof sort === 'string' && sort.includes('.')) ||
  (Array.isArray(sort) && sort.some((s) => typeof s === 'string' && s.includes('.')))

/** Adds what one read of the adapter depends on to `reads`. */
export function recordRead(reads: ReadSet, { method, args }: ReadCall): void {
  if (!args) {
    reads.unknown = true
    return
  }
  if (
    method === 'findGlobal' ||
    method === 'findGlobalVersions' ||
    method === 'countGlobalVersions'
  ) {
    const global = args.slug ?? args.global
    if (typeof global === 'string') reads.globals.add(global)
    else reads.unknown = true
    return
  }
  const collection = args.collection
  if (typeof collection !== 'string') {
    reads.unknown = true
    return
  }
  if (throughRelations(args.where) || sortThroughRelations(args.sort)) {
    reads.unknown = true
    return
  }
  const ids = method === 'find' || method === 'findOne' ? idsOf(args.where) : null
  if (!ids) {
    reads.collections.add(collection)
    return
  }
  const known = reads.documents.get(collection) ?? new Set<string>()
  for (const id of ids) known.add(id)
  reads.documents.set(collection, known)
}

/**
 * Records every read of the adapter into the read set of the cached response being computed, if
 * any (src/data/changes/readAttribution.ts). Reads outside a cached response cost one lookup.
 */
export function readRecording(): AdapterLayer {
  return {
    name: 'read-cache-read-recording',
    read(call) {
      const reads = activeReadSet()
      if (reads) recordRead(reads, call)
    },
  }
}
