import { locales } from '@/core/locales'

/**
 * The pages most visitors open first, in each locale: the home page, the declaration and the
 * lists a press release or a forwarded mail links to, and the signing form (one rendering for
 * everyone; each answer gets its own stamp, src/edge/formFill.ts).
 */
const HOT_PAGES = [
  '',
  '/declaration',
  '/declaration/sign',
  '/news',
  '/projects',
  '/people',
  '/events',
  '/organizations',
]

/** What a browser sends: the cache keys a page by the encoding Next compresses it with. */
const BROWSER_ENCODING = 'gzip, deflate, br'

/**
 * Requests one page through the server's own front door (the edge, admission and the read cache
 * see an anonymous browser), so its answer lands in the cache; null when it was a 200, else what
 * went wrong.
 */
export async function renderPage(
  origin: string,
  path: string,
  acceptEncoding = BROWSER_ENCODING,
): Promise<string | null> {
  try {
    const res = await fetch(`${origin}${path}`, {
      headers: { 'Accept-Encoding': acceptEncoding, Accept: 'text/html' },
      redirect: 'manual',
    })
    await res.arrayBuffer()
    return res.status === 200 ? null : String(res.status)
  } catch (error) {
    return (error as Error).message
  }
}

/** What /readyz reports about the warm-up (the server is ready while it runs). */
export type WarmUpReadiness =
  { state: 'off' | 'running' } | { state: 'done'; pages: number; failed: string[]; ms: number }

let readiness: WarmUpReadiness = { state: 'off' }

export const warmUpReadiness = (): WarmUpReadiness => readiness

export const hotPaths = (): string[] =>
  locales.flatMap(({ code }) => HOT_PAGES.map((page) => `/${code}${page}`))

/**
 * Renders the hot pages into the read cache right after a start, through the server's own front
 * door (the edge, admission and the cache see an anonymous browser), so the first visitors of a
 * launch get cache hits instead of each paying for a cold render. One page at a time: it holds at
 * most one render slot, so nobody who arrives meanwhile waits behind it, and under load the gate
 * refuses its requests (503) before anyone's. A page that fails is named in /readyz, not retried:
 * the first visitor renders it as before.
 */
export async function warmUp(origin: string, log: (message: string) => void): Promise<void> {
  readiness = { state: 'running' }
  const started = Date.now()
  const failed: string[] = []
  const paths = hotPaths()
  for (const path of paths) {
    const problem = await renderPage(origin, path)
    if (problem) failed.push(`${path} (${problem})`)
  }
  const ms = Date.now() - started
  readiness = { state: 'done', pages: paths.length - failed.length, failed, ms }
  log(
    `warm-up: ${paths.length - failed.length} of ${paths.length} pages in the read cache ` +
      `after ${ms} ms${failed.length ? `; not: ${failed.join(', ')}` : ''}`,
  )
}
