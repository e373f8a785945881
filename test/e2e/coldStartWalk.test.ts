/**
 * Right after a start, with the production defaults of every limit and of admission by load
 * (nothing turned off, unlike the other tests), one visitor walks every kind of page in both
 * languages the way a browser does: the page, then Next's prefetches of the links it shows, and
 * on to the next page a moment later. Every page is a cold render. Nobody may be refused: the
 * thread is idle but for this one visitor (launch-day issue: the second page used to be a 429).
 */
import { jest } from '@jest/globals'

import { startProductionServer, type ProductionServer } from '../helpers/productionServer'
import { noRateLimits } from '../helpers/testEnv'

jest.setTimeout(120_000)

let server: ProductionServer

// Every limit at its default: blank values read as unset (src/core/env/parse.ts).
const productionDefaults = Object.fromEntries(Object.keys(noRateLimits).map((name) => [name, '']))

beforeAll(async () => {
  server = await startProductionServer(productionDefaults)
}, 120_000)
afterAll(() => server?.stop())

const LIST_PAGES = ['', '/declaration', '/declaration/sign', '/news', '/projects', '/people']
const MORE_PAGES = ['/events', '/organizations', '/search']
const DETAIL = /href="(\/(?:de|en)\/(?:news|projects|people|events)\/[a-z0-9-]+)"/g

type Seen = { path: string; status: number }

async function visit(
  path: string,
  headers: Record<string, string> = {},
): Promise<Seen & { html: string }> {
  const res = await fetch(`${server.url}${path}`, {
    headers: { Accept: 'text/html', ...headers },
    redirect: 'manual',
  })
  return { path, status: res.status, html: await res.text() }
}

/** Next's router prefetches up to this many links a page shows, as a browser does on load. */
const PREFETCHES = 8

async function browse(path: string, seen: Seen[]): Promise<string> {
  const page = await visit(path)
  seen.push(page)
  const links = [
    ...new Set([...page.html.matchAll(/href="(\/(?:de|en)[^"#?]*)"/g)].map((m) => m[1]!)),
  ]
  const prefetches = await Promise.all(
    links
      .slice(0, PREFETCHES)
      .map((link) => visit(`${link}?_rsc=walk`, { RSC: '1', 'Next-Router-Prefetch': '1' })),
  )
  seen.push(...prefetches)
  return page.html
}

test('a lone visitor right after a start is never refused, on any page, in either language', async () => {
  const seen: Seen[] = []
  for (const locale of ['de', 'en']) {
    const details = new Set<string>()
    for (const path of [...LIST_PAGES, ...MORE_PAGES]) {
      const html = await browse(`/${locale}${path}`, seen)
      for (const match of html.matchAll(DETAIL)) {
        if (match[1]!.startsWith(`/${locale}/`)) details.add(match[1]!)
      }
      // A visitor reads for a moment, no longer than a quick click.
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
    const kinds = new Map<string, string>()
    for (const detail of details)
      kinds.set(detail.split('/')[2]!, kinds.get(detail.split('/')[2]!) ?? detail)
    for (const detail of kinds.values()) await browse(detail, seen)
    expect(kinds.size).toBeGreaterThanOrEqual(3)
  }
  const refused = seen.filter((s) => s.status === 429 || s.status === 503)
  expect(refused).toEqual([])
  expect(seen.filter((s) => s.status >= 500)).toEqual([])
  expect(seen.length).toBeGreaterThan(100)
})
