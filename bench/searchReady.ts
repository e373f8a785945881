/** Waiting for a benchmark server's search index (bench/server.ts and bench/search.ts). */

/** Polls /readyz until the search index answers; its build time as the server measured it. */
export async function waitForSearchIndex(url: string, timeoutMs = 300_000): Promise<number> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const ready = (await fetch(`${url}/readyz`).then(
      (r) => r.json(),
      () => ({}),
    )) as { search?: { state?: string; buildMs?: number } }
    if (ready.search?.state === 'ready') return ready.search.buildMs ?? 0
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the search index at ${url} was not ready within ${timeoutMs / 1000} s`)
}
