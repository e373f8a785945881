import { removedInUse } from '@/data/changes/changeLog'
import { PAGE_KEY_HEADERS } from '@/readCache/pageRequest'

import { renderPage } from './warmUp'

/** A publish that touches more pages renders again only the most recently read of them. */
const MAX_PAGES = 50

/**
 * How long the refresh waits after the last removal: one save invalidates up to three times
 * (before, after and after its commit), and an editor's batch of saves comes in quick succession.
 */
const QUIET_MS = 200

type PageRequest = { path: string; acceptEncoding: string }

/** What /readyz reports about the refresh of pages after changes. */
export type RefreshReadiness = { state: 'off' } | { state: 'on'; pages: number; failed: number }

let readiness: RefreshReadiness = { state: 'off' }
export const refreshReadiness = (): RefreshReadiness => readiness

/**
 * A full page's request from its cache key (src/readCache/pageRequest.ts: the path, the query the
 * page reads, then PAGE_KEY_HEADERS' values); null for an RSC payload (a navigation's, shaped by
 * the router state of one browser) or another kind of answer.
 */
export function pageOfKey(key: string): PageRequest | null {
  const parts = JSON.parse(key) as unknown[]
  if (parts[0] !== 'page') return null
  const [, path, query, ...headers] = parts as [string, string, [string, string][], ...string[]]
  const header = (name: (typeof PAGE_KEY_HEADERS)[number]) =>
    headers[PAGE_KEY_HEADERS.indexOf(name)] ?? ''
  if (header('rsc') !== '') return null
  const search = new URLSearchParams(query).toString()
  return { path: search ? `${path}?${search}` : path, acceptEncoding: header('accept-encoding') }
}

/**
 * After a publish, the pages readers were reading that it removed from the cache are rendered
 * again in the background, once each, so the next reader gets a hit instead of a render. Readers
 * who arrive during such a render wait for it (the cache's single flight), not each for their
 * own. One page at a time, most recently read first: at most one render slot, and the load gate
 * refuses it before anyone.
 */
export function refreshAfterChanges(origin: string): void {
  let pending = new Map<string, PageRequest>()
  let timer: NodeJS.Timeout | undefined
  let running = false
  let pages = 0
  let failed = 0
  readiness = { state: 'on', pages, failed }

  const run = async () => {
    running = true
    // Keys arrive least recently used first; the most read page renders first.
    const batch = [...pending.values()].reverse()
    pending = new Map()
    for (const page of batch) {
      if (await renderPage(origin, page.path, page.acceptEncoding)) failed++
      else pages++
      readiness = { state: 'on', pages, failed }
    }
    running = false
    schedule()
  }
  const schedule = () => {
    if (running || pending.size === 0) return
    clearTimeout(timer)
    timer = setTimeout(() => void run(), QUIET_MS)
    timer.unref()
  }
  removedInUse.set((keys) => {
    for (const key of keys) {
      const page = pageOfKey(key)
      if (!page) continue
      pending.delete(key)
      pending.set(key, page)
    }
    for (const key of pending.keys()) {
      if (pending.size <= MAX_PAGES) break
      pending.delete(key)
    }
    schedule()
  })
}
