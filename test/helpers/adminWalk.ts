/**
 * A walk through the admin as one user in one admin language: every page visited is checked for
 * failed requests (any 4xx or 5xx), console errors, uncaught page errors, strings of the other
 * language and dates in the other language's format, and photographed.
 *
 * A walker opens each view as a fresh page load (`'load'`: the server's HTML, then hydration) or
 * as an editor moving through the admin does, by the admin's own client-side navigation after the
 * first page (`'client'`: Next's router fetches the view's RSC payload). A fresh load of an admin
 * view costs Chromium about 2.5 CPU-seconds (its scripts parsed and run again), most of the
 * walk's time on two cores.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { languageProblems, visibleTexts } from './adminPageLanguage'
import type { Language } from './adminStrings'
import { screenshot } from './browser'
import { foreignDates } from './dateLanguage'
import { loginToken, type ProductionServer } from './productionServer'

export type Walker = {
  page: Page
  context: BrowserContext
  /** Everything found so far, each with the admin path it was found on. */
  problems: string[]
  /** Records a problem found outside `visit`. */
  note: (problem: string) => void
  /** Opens an admin path, checks it, screenshots it as `shot`; returns false if it did not render. */
  visit: (path: string, shot: string) => Promise<boolean>
}

const shotName = (path: string) =>
  path
    .replace(/^\/admin\/?/, '')
    .replace(/\?.*$/, (query) => (query ? '-filtered' : ''))
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '') || 'dashboard'

const tokens = new Map<string, Promise<string>>()

/**
 * One login per user and server, shared by the user's walks: logins of one user at the same
 * moment each write the user's list of sessions, and the last write ends the others' sessions.
 */
function sessionToken(
  server: ProductionServer,
  credentials: { email: string; password: string },
): Promise<string> {
  const key = `${server.url} ${credentials.email}`
  if (!tokens.has(key)) tokens.set(key, loginToken(server, credentials))
  return tokens.get(key)!
}

export type Navigation = 'load' | 'client'

export async function walkerFor(
  browser: Browser,
  server: ProductionServer,
  credentials: { email: string; password: string },
  language: Language,
  { viewport = { width: 1440, height: 900 }, navigation = 'load' as Navigation } = {},
): Promise<Walker> {
  const context = await browser.newContext({ viewport })
  const token = await sessionToken(server, credentials)
  await context.addCookies([
    { name: 'payload-token', value: token, url: server.url },
    { name: 'payload-lng', value: language, url: server.url },
  ])
  const page = await context.newPage()
  const found = new Set<string>()
  const problems = {
    push: (problem: string) => found.add(problem),
  }
  let at = ''
  page.on('response', (response) => {
    if (response.status() < 400) return
    const url = new URL(response.url())
    problems.push(`${at}: ${response.status()} ${response.request().method()} ${url.pathname}`)
  })
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${at}: console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`${at}: page error: ${error.message}`))

  let loaded = false
  /** Opens the view: a page load, or Next's router once the admin's scripts run in the page. */
  const open = async (path: string): Promise<boolean> => {
    const target = new URL(path, server.url).href
    if (navigation === 'load' || !loaded) {
      loaded = true
      await page.goto(target)
    } else {
      await page.evaluate((href) => {
        const next = (window as unknown as { next?: { router?: { push: (h: string) => void } } })
          .next
        if (!next?.router) throw new Error('no Next router in the page')
        next.router.push(href)
      }, path)
      // The router commits the URL once the new view's tree is rendered.
      const arrived = await page
        .waitForURL(target, { timeout: 20_000 })
        .then(() => true)
        .catch(() => false)
      if (!arrived) return false
    }
    return page
      .locator('.template-default, .template-minimal')
      .first()
      .waitFor({ timeout: 20_000 })
      .then(() => true)
      .catch(() => false)
  }

  const visit = async (path: string, shot: string) => {
    at = `${language} ${path}`
    const rendered = await open(path)
    if (!rendered) {
      problems.push(`${at}: did not render`)
      return false
    }
    // Relationship fields and list filters load what they show after the first render.
    await page.waitForLoadState('networkidle', { timeout: 2_500 }).catch(() => undefined)
    for (const problem of await languageProblems(page, language)) problems.push(`${at}: ${problem}`)
    for (const date of foreignDates(await visibleTexts(page), language)) {
      problems.push(`${at}: date in the other language's format: "${date}"`)
    }
    await screenshot(page, `${shot}-${shotName(path)}`, { fullPage: false })
    return true
  }
  return {
    page,
    context,
    get problems() {
      return [...found]
    },
    note: (problem: string) => found.add(problem),
    visit,
  }
}

/** The admin paths of a page's links inside `selector`, each once, in order. */
export async function adminLinks(page: Page, selector: string): Promise<string[]> {
  const hrefs = await page
    .locator(selector)
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  return [...new Set(hrefs.filter((href) => href.startsWith('/admin/')))]
}

/**
 * Walks what the user can reach: the dashboard and its links, every collection and global in the
 * navigation, each collection's first document and its trash (with the first trashed document).
 */
export async function walkAdmin(walker: Walker, shot: string): Promise<string[]> {
  const { page, visit } = walker
  const visited = new Set<string>()
  // One view of each kind: a collection's list, one document of it, its trash, …
  const kinds = new Set<string>()
  const go = async (path: string) => {
    const kind = path
      .replace(/\/[0-9a-f]{8}-[0-9a-f-]{27}(?=\/|\?|$)/g, '/:id')
      .replace(/=[^&]*/g, '=')
    if (kinds.has(kind)) return false
    kinds.add(kind)
    visited.add(path)
    return visit(path, shot)
  }
  await go('/admin')
  // Under load the navigation may stream in after the page's frame.
  await page
    .locator('nav a[href^="/admin/collections/"]')
    .first()
    .waitFor({ state: 'attached', timeout: 30_000 })
    .catch(() => walker.note('no navigation on the dashboard'))
  const dashboardLinks = await adminLinks(page, '.portal-dashboard a')
  const navigation = await adminLinks(
    page,
    'nav a[href^="/admin/collections/"], nav a[href^="/admin/globals/"]',
  )
  for (const path of dashboardLinks) await go(path)
  for (const path of navigation) {
    if (!(await go(path)) || path.startsWith('/admin/globals/')) continue
    const [first] = await adminLinks(page, '.table tbody a[href*="/admin/collections/"]')
    const trash = (await adminLinks(page, 'a[href$="/trash"]'))[0]
    if (first) await go(first)
    if (trash && (await go(trash))) {
      const [trashed] = await adminLinks(page, '.table tbody a[href*="/trash/"]')
      if (trashed) await go(trashed)
    }
  }
  return [...visited]
}
