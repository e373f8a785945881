import type { SearchEngine } from './engine'
import { processSlot } from '@/core/processSingleton'

/** A build of the index under way: the first one, or a rebuild while the old index serves. */
export type BuildProgress = {
  startedAt: number
  /** Documents read so far, and to read. */
  done: number
  total: number
  /** Documents changed while the build read: read again before the new index serves. */
  dirty: Set<string>
  finished: Promise<void>
}

/**
 * The search index of this process. It lives on globalThis because the express server and
 * Next's compiled routes (the portal's in-process GraphQL calls) load separate copies of this
 * module but share the one Payload instance whose hooks feed the index.
 */
export type SearchState = {
  /** The index that answers; null until the first build has finished. */
  engine: SearchEngine | null
  build: BuildProgress | null
  /** The last build's duration and when it finished. */
  builtAt: number | null
  buildMs: number | null
  /** Why the last build failed, while no index answers. */
  error: string | null
  /**
   * Index updates run one after the other (each reads the database after a commit, then
   * changes the index); a search waits for the updates scheduled before it, so a write that
   * has been acknowledged shows in the very next search.
   */
  tail: Promise<void>
}

const slot = processSlot<SearchState>('search-index')

/** This process's search state, or undefined when no index was started here (scripts, tests). */
export function searchState(): SearchState | undefined {
  return slot.get()
}

export function createSearchState(): SearchState {
  const existing = slot.get()
  if (existing) return existing
  const state: SearchState = {
    engine: null,
    build: null,
    builtAt: null,
    buildMs: null,
    error: null,
    tail: Promise.resolve(),
  }
  slot.set(state)
  return state
}

/** Forgets the index (tests that stop their Payload instance). */
export function dropSearchState(): void {
  slot.set(undefined)
}

/** Appends a task to the update queue; the queue goes on whether or not the task fails. */
export function enqueue<T>(state: SearchState, task: () => Promise<T>): Promise<T> {
  const run = state.tail.then(task)
  state.tail = run.then(
    () => undefined,
    () => undefined,
  )
  return run
}
