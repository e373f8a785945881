import { tagsOfReads } from '@/data/changes/cacheTags'
import type { ReadSet } from '@/data/changes/readSet'

/** The response headers that carry an answer's cache tags, lower case. */
export const TAG_HEADERS = ['xkey', 'surrogate-key', 'cache-tag'] as const

/**
 * An answer's cache tags (src/data/changes/cacheTags.ts) in the headers shared caches read:
 * `xkey` for Varnish's xkey module and `Surrogate-Key` for Fastly (both space-separated),
 * `Cache-Tag` for Cloudflare (comma-separated).
 */
export function tagHeaders(reads: ReadSet, at: Date = new Date()): [string, string][] {
  const tags = tagsOfReads(reads, at)
  return [
    ['xkey', tags.join(' ')],
    ['surrogate-key', tags.join(' ')],
    ['cache-tag', tags.join(',')],
  ]
}
