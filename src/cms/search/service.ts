import { recordSearchIndexRead } from '@/data/changes/readAttribution'
import { limits } from '@/cms/apiLimits'
import type { Locale } from '@/core/locales'

import type { SearchAnswer } from './engine'
import { servingEngine } from './indexer'
import { queryProblem } from './query'
import { searchReadiness, searchRetryAfter } from './readiness'
import type { SearchType } from './sources'

/** Pages past this are refused: nobody reads them, and deep pages are a way to make work. */
export const MAX_SEARCH_PAGE = 1000

export type SearchInput = {
  query: string
  locale: Locale
  types?: SearchType[] | null
  limit?: number | null
  page?: number | null
}

/** Why a search was not answered: the client's input (400) or no index yet (503). */
export type SearchRefusal = {
  status: 400 | 503
  code: 'BAD_SEARCH_INPUT' | 'SEARCH_UNAVAILABLE'
  message: string
  /** Seconds to wait (503 only). */
  retryAfter?: number
}

export type SearchOutcome = { answer: SearchAnswer } | { refusal: SearchRefusal }

const badInput = (message: string): { refusal: SearchRefusal } => ({
  refusal: { status: 400, code: 'BAD_SEARCH_INPUT', message },
})

/**
 * One search, for the GraphQL query and through it the portal's page: input checked, then
 * answered from the index once the updates scheduled before it are in.
 */
export async function runSearch(input: SearchInput): Promise<SearchOutcome> {
  const limit = input.limit ?? 10
  const page = input.page ?? 1
  if (!Number.isInteger(limit) || limit < 1 || limit > limits.maxPageSize) {
    return badInput(`limit must be between 1 and ${limits.maxPageSize}`)
  }
  if (!Number.isInteger(page) || page < 1 || page > MAX_SEARCH_PAGE) {
    return badInput(`page must be between 1 and ${MAX_SEARCH_PAGE}`)
  }
  // Checked here, not by catching the engine's error: the engine may come from the other module
  // world (the server bundle or Next's), whose error classes `instanceof` does not recognise.
  const problem = queryProblem(input.query)
  if (problem) return badInput(problem)
  const engine = await servingEngine()
  if (!engine && searchReadiness().state === 'off') {
    return {
      refusal: {
        status: 503,
        code: 'SEARCH_UNAVAILABLE',
        message: 'Search is turned off on this server (SEARCH_INDEX=off)',
      },
    }
  }
  if (!engine) {
    return {
      refusal: {
        status: 503,
        code: 'SEARCH_UNAVAILABLE',
        message: 'The search index is being built; try again shortly',
        retryAfter: searchRetryAfter(),
      },
    }
  }
  // The answer comes from the index, not the database: the read cache must know (src/readCache/).
  recordSearchIndexRead()
  const answer = engine.search({
    query: input.query,
    locale: input.locale,
    types: input.types ?? undefined,
    limit,
    page,
  })
  return { answer }
}
