import type { ReadSet } from '../data/changes/readSet'

/** One stored answer: always a complete 200 response to an anonymous read. */
export type CachedResponse = {
  /** Response headers as they go out on a hit (no Date, Set-Cookie, Cache-Control, ETag, X-Cache). */
  headers: [name: string, value: string][]
  body: Buffer
  etag: string
  /**
   * The request headers the response's `Vary` names, with the values the stored request had; a
   * request with other values is a miss.
   */
  vary: [name: string, value: string][]
  /** What computing it read: a change that touches any of it removes the entry. */
  reads: ReadSet
  /** Responses may depend on the date (upcoming events): nothing is served past its UTC day. */
  expiresAt: number
  /** What the entry costs against the budget: key, headers and body. */
  bytes: number
}
