const unstorable = new WeakSet<object>()

/**
 * A handler that knows its answer must not be kept (a GraphQL answer with errors) says so here;
 * the read cache, which captures the answer as it goes out, reads it. Kept apart from the
 * headers, so nothing of it reaches the client.
 */
export function markUnstorable(res: object): void {
  unstorable.add(res)
}

export const isUnstorable = (res: object): boolean => unstorable.has(res)
