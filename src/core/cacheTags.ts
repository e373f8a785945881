/**
 * Short, stable names for what an answer read (docs/webhooks.md, "Cache tags"): a receiver of a
 * webhook, or a shared cache, drops exactly the answers that carry a changed thing's tag.
 *
 * - `d:<collection>:<id>`: one document;
 * - `c:<collection>`: a collection as a whole (a list, a count, a lookup by slug);
 * - `g:<global>`: a global.
 */
export const documentTag = (collection: string, id: string | number): string =>
  `d:${collection}:${id}`

export const collectionTag = (collection: string): string => `c:${collection}`

export const globalTag = (global: string): string => `g:${global}`
