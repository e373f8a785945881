import { LRUCache } from 'lru-cache'
import crypto from 'node:crypto'

import { processSingleton } from '@/core/processSingleton'

const MAX_PERSISTED = 2000

/** Queries registered by hash (Apollo's automatic persisted queries), least recently used dropped first. */
const persisted = () =>
  processSingleton('persisted-queries', () => new LRUCache<string, string>({ max: MAX_PERSISTED }))

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex')

/** The query registered under `hash`, if it is still known. */
export const lookupPersistedQuery = (hash: string): string | undefined => persisted().get(hash)

/**
 * Registers `query` under `hash` (as most recently used) when the hash is the query's SHA-256;
 * returns false, registering nothing, when it is not.
 */
export function rememberPersistedQuery(hash: string, query: string): boolean {
  if (sha256(query) !== hash) return false
  persisted().set(hash, query)
  return true
}
