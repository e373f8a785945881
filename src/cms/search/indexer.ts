import type { Payload } from 'payload'

import { EVERYTHING, SEARCH_INDEX_CHANGE } from '@/data/changes/readSet'
import { purgeSharedCache } from '@/data/changes/sharedCachePurge'
import { invalidateReadCache } from '@/data/changes/changeLog'
import { countInvalidation } from '@/observability/metrics/count'

import { forgetAnalysedWords } from './analysis/analyzer'
import { SearchEngine } from './engine'
import { entriesOf, entryKey } from './entries'
import { publicDocuments, publicGlobal, publicIds } from './read'
import { isSearchType, sourceOf, sources, type SearchType, type Source } from './sources'
import { createSearchState, enqueue, searchState, type BuildProgress } from './state'

/** Documents read per database query while building. */
const BATCH = 100
/** A failed build (the database was unreachable, say) is tried again after this long. */
const RETRY_MS = 30_000
/** Progress goes to the log at most this often. */
const LOG_EVERY_MS = 5_000

export type Progress = (done: number, total: number) => void

/** Gives the event loop a turn between batches, so requests are answered while the index builds. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Reads one document again as the public reads it; whether its entries in the index changed. */
async function refreshKey(engine: SearchEngine, payload: Payload, key: string): Promise<boolean> {
  const split = key.indexOf(':')
  const type = key.slice(0, split)
  if (!isSearchType(type)) return false
  const source = sourceOf(type)
  const id = key.slice(split + 1)
  const doc = source.global
    ? await publicGlobal(payload, source)
    : ((await publicDocuments(payload, source, [id]))[0] ?? null)
  return doc ? engine.put(entriesOf(source, doc)) : engine.remove(key)
}

/** A new index of every document the public can read now, with progress. */
export async function buildEngine(payload: Payload, progress: Progress): Promise<SearchEngine> {
  const engine = new SearchEngine()
  const plan: { source: Source; ids: string[] }[] = []
  for (const source of sources) {
    const ids = source.global ? [source.global] : await publicIds(payload, source)
    plan.push({ source, ids })
  }
  const total = plan.reduce((sum, { ids }) => sum + ids.length, 0)
  let done = 0
  progress(done, total)
  for (const { source, ids } of plan) {
    for (let start = 0; start < ids.length; start += BATCH) {
      const batch = ids.slice(start, start + BATCH)
      const docs = source.global
        ? [await publicGlobal(payload, source)].filter((doc) => doc !== null)
        : await publicDocuments(payload, source, batch)
      for (const doc of docs) engine.put(entriesOf(source, doc))
      done += batch.length
      progress(done, total)
      await breathe()
    }
  }
  forgetAnalysedWords()
  return engine
}

function logProgress(payload: Payload): Progress {
  let last = 0
  return (done, total) => {
    const now = Date.now()
    if (done < total && now - last < LOG_EVERY_MS) return
    last = now
    payload.logger.info(`search index: ${done} of ${total} documents read`)
  }
}

/**
 * Builds the search index from the database in the background: on start, and again on
 * `npm run search:reindex`. While the first build runs, search answers 503; a rebuild leaves
 * the current index answering until the new one is complete. Documents that change while a
 * build reads are read again before the new index takes over. Resolves when the build ends
 * (it never rejects: a failure is logged, reported by /readyz and tried again later).
 */
export function buildSearchIndex(payload: Payload): Promise<void> {
  const state = createSearchState()
  if (state.build) return state.build.finished
  const log = logProgress(payload)
  const build: BuildProgress = {
    startedAt: Date.now(),
    done: 0,
    total: 0,
    dirty: new Set(),
    finished: Promise.resolve(),
  }
  state.build = build
  build.finished = (async () => {
    try {
      const engine = await buildEngine(payload, (done, total) => {
        build.done = done
        build.total = total
        log(done, total)
      })
      // In the update queue: no other update runs between the replay and the switch.
      await enqueue(state, async () => {
        for (const key of build.dirty) await refreshKey(engine, payload, key)
        // A rebuild is run after writes the server did not see (a restore, another process):
        // answers the read cache stored from the old index may be stale.
        if (state.engine) {
          invalidateReadCache()
          countInvalidation('search-index')
          await purgeSharedCache([EVERYTHING])
        }
        state.engine = engine
        state.build = null
        state.error = null
        state.builtAt = Date.now()
        state.buildMs = state.builtAt - build.startedAt
      })
      payload.logger.info(
        `search index: ready, ${engine.size('de')} documents, built in ${state.buildMs} ms`,
      )
    } catch (error) {
      state.build = null
      state.error = error instanceof Error ? error.message : String(error)
      payload.logger.error({ msg: 'search index: the build failed; trying again', err: error })
      setTimeout(() => void buildSearchIndex(payload), RETRY_MS).unref()
    }
  })()
  return build.finished
}

/**
 * Brings one document's entries up to date with what the public reads now: added when it is
 * published, replaced when its published content changed, removed when it was unpublished,
 * trashed or deleted, untouched by a draft save. Call it after the change has committed
 * (`afterCommit`); nothing happens in a process without an index.
 */
export function refreshDocument(
  payload: Payload,
  type: SearchType,
  id: string,
  { purgeShared = true }: { purgeShared?: boolean } = {},
): Promise<void> {
  const state = searchState()
  if (!state) return Promise.resolve()
  const key = entryKey(type, id)
  state.build?.dirty.add(key)
  if (!state.engine) return Promise.resolve()
  return enqueue(state, async () => {
    if (!state.engine) return
    // A draft save or an autosave leaves what the public reads, and so the index, as it was:
    // the answers that came from the index stay cached, here and in a shared cache.
    if (!(await refreshKey(state.engine, payload, key))) return
    // The commit has already removed the cached answers that read the document; answers that
    // came from the index are removed now that it has changed.
    invalidateReadCache(SEARCH_INDEX_CHANGE)
    if (purgeShared) await purgeSharedCache([SEARCH_INDEX_CHANGE])
  })
}

/** The index that answers, once the updates scheduled so far are in; null while there is none. */
export async function servingEngine(): Promise<SearchEngine | null> {
  const state = searchState()
  if (!state) return null
  await state.tail
  return state.engine
}
