import { searchState } from './state'

/** What /readyz reports about search (the server is ready whether or not search is). */
export type SearchReadiness = {
  /** `building`: no index yet (search answers 503); `off`: none was started in this process. */
  state: 'ready' | 'building' | 'failed' | 'off'
  /** Documents in the index (German; English has the same). */
  documents?: number
  /** A build under way: the first one, or a rebuild while the current index answers. */
  build?: { done: number; total: number; startedAt: string }
  builtAt?: string
  buildMs?: number
  error?: string
}

export function searchReadiness(): SearchReadiness {
  const state = searchState()
  if (!state) return { state: 'off' }
  const build = state.build
    ? {
        done: state.build.done,
        total: state.build.total,
        startedAt: new Date(state.build.startedAt).toISOString(),
      }
    : undefined
  if (state.engine) {
    return {
      state: 'ready',
      documents: state.engine.size('de'),
      ...(build ? { build } : {}),
      builtAt: new Date(state.builtAt!).toISOString(),
      buildMs: state.buildMs!,
    }
  }
  if (build) return { state: 'building', build }
  return { state: 'failed', error: state.error ?? 'unknown' }
}

/**
 * Seconds a client should wait before searching again while there is no index: the build's
 * remaining time at its pace so far, between 1 and 30 s.
 */
export function searchRetryAfter(): number {
  const build = searchState()?.build
  if (!build || build.done === 0 || build.total === 0) return 5
  const elapsed = Date.now() - build.startedAt
  const remaining = (elapsed / build.done) * (build.total - build.done)
  return Math.min(30, Math.max(1, Math.ceil(remaining / 1000)))
}
