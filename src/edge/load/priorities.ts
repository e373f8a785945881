/**
 * Who waits and who is refused first when the process is saturated (docs/limits.md), from the
 * highest priority to the lowest. Cache hits and static files never get this far.
 */
export const PRIORITIES = [
  /** A signer's step (the form, sign, confirm, withdraw, their result pages), logged-in editors. */
  'signer or editor',
  /** Anonymous pages, GraphQL reads and public writes such as a login. */
  'page',
  /** Search: costlier than a page, and nobody's next step depends on it. */
  'search',
  /** Next's link prefetches: speculative, the click fetches again if it needs to. */
  'prefetch',
  /** Pages from an address that already took more than its share this minute. */
  'over share',
  /** Search from such an address: the first to go. */
  'over share search',
] as const

export type Priority = (typeof PRIORITIES)[number]

export const rankOf = (priority: Priority): number => PRIORITIES.indexOf(priority)

/**
 * The longest a request of each class waits for a free slot before it is refused (if the thread
 * is still saturated then). A signer waits longest: they just pressed a button.
 */
export const WAIT_MS: Record<Priority, number> = {
  'signer or editor': 10_000,
  page: 3000,
  search: 2000,
  prefetch: 1000,
  'over share': 1000,
  'over share search': 500,
}
