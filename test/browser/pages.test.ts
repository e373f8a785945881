import { jest } from '@jest/globals'
import type { Browser, BrowserContext } from 'playwright-core'

import { launchChromium, screenshot, seriousViolations } from '../helpers/browser'
import { startProductionServer, type ProductionServer } from '../helpers/productionServer'

jest.setTimeout(180_000)

let server: ProductionServer
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  server = await startProductionServer()
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
})
afterAll(async () => {
  await context?.close()
  await browser?.close()
  await server?.stop()
})

/** Every page type of the portal, with a document from the seed where the page needs one. */
const pageTypes = [
  {
    type: 'home',
    path: '',
    heading: { de: 'New Wave of European AI', en: 'New Wave of European AI' },
  },
  {
    type: 'declaration',
    path: '/declaration',
    heading: { de: 'New Wave of European AI', en: 'New Wave of European AI' },
  },
  { type: 'news', path: '/news', heading: { de: 'Neuigkeiten', en: 'News' } },
  {
    type: 'news-item',
    path: '/news/erklaerung-new-wave-of-european-ai-unterzeichnet',
    heading: {
      de: 'Erklärung „New Wave of European AI“',
      en: '“New Wave of European AI” declaration',
    },
  },
  { type: 'projects', path: '/projects', heading: { de: 'Projekte', en: 'Projects' } },
  { type: 'project', path: '/projects/soofi', heading: { de: 'SOOFI', en: 'SOOFI' } },
  { type: 'people', path: '/people', heading: { de: 'Personen', en: 'People' } },
  {
    type: 'person',
    path: '/people/joerg-bienert',
    heading: { de: 'Jörg Bienert', en: 'Jörg Bienert' },
  },
  {
    type: 'organizations',
    path: '/organizations',
    heading: { de: 'Organisationen', en: 'Organizations' },
  },
  { type: 'events', path: '/events', heading: { de: 'Veranstaltungen', en: 'Events' } },
  {
    type: 'event',
    path: '/events/workshop-pretraining-posttraining-2025',
    heading: { de: 'Workshop', en: 'Workshop' },
  },
] as const

const locales = ['de', 'en'] as const
const axeReport: string[] = []

afterAll(() => {
  // The axe results of every page, for the record (the assertions are in the tests).
  process.stderr.write(`\naxe (serious + critical violations per page):\n${axeReport.join('\n')}\n`)
})

describe.each(locales)('an anonymous visit in %s', (locale) => {
  test.each(pageTypes)('$type', async ({ type, path, heading }) => {
    const page = await context.newPage()
    const response = await page.goto(`${server.url}/${locale}${path}`)
    expect(response?.status()).toBe(200)
    expect(await page.getAttribute('html', 'lang')).toBe(locale)
    await expect(page.locator('h1').first().textContent()).resolves.toContain(heading[locale])
    // Landmarks and the skip link that leads to the content.
    expect(await page.locator('header').count()).toBeGreaterThan(0)
    expect(await page.locator('main#main').count()).toBe(1)
    expect(await page.locator('footer').count()).toBeGreaterThan(0)
    expect(await page.locator('a.skip-link[href="#main"]').count()).toBe(1)
    // SEO: a canonical URL in this locale and hreflang alternates for both.
    const canonical = await page.getAttribute('link[rel="canonical"]', 'href')
    expect(canonical).toBe(`${server.url}/${locale}${path}`)
    for (const other of locales) {
      expect(await page.getAttribute(`link[rel="alternate"][hreflang="${other}"]`, 'href')).toBe(
        `${server.url}/${other}${path}`,
      )
    }
    expect(await page.getAttribute('meta[property="og:image"]', 'content')).toMatch(/^http/)
    // No page of the public site shows the preview banner.
    expect(await page.locator('.preview-banner').count()).toBe(0)

    const violations = await seriousViolations(page)
    axeReport.push(
      `  ${locale} ${type}: ${violations.length}${violations.length ? ` ${JSON.stringify(violations)}` : ''}`,
    )
    expect(violations).toEqual([])
    await screenshot(page, `${locale}-${type}`)
    await page.close()
  })
})

test('a browser asking for /favicon.ico gets the portal’s icon, not a rendered 404 page', async () => {
  // Browsers ask for it on their own (the admin's client-side navigation did, between views).
  const res = await fetch(`${server.url}/favicon.ico`)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/)
  expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0)
})

test('on a phone the pages stay readable: no horizontal scrolling', async () => {
  const phone = await browser.newContext({ viewport: { width: 375, height: 740 } })
  const page = await phone.newPage()
  for (const path of [
    '/de',
    '/de/news/erklaerung-new-wave-of-european-ai-unterzeichnet',
    '/de/projects/soofi',
  ]) {
    await page.goto(`${server.url}${path}`)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect({ path, overflow }).toEqual({ path, overflow: 0 })
  }
  await screenshot(page, 'de-project-phone')
  await phone.close()
})

test('the language switch keeps the visitor on the same document', async () => {
  const page = await context.newPage()
  await page.goto(`${server.url}/de/projects/soofi`)
  await page
    .getByRole('navigation', { name: 'Sprache' })
    .getByRole('link', { name: 'English' })
    .click()
  await page.waitForURL(`${server.url}/en/projects/soofi`)
  expect(await page.getAttribute('html', 'lang')).toBe('en')
  await page
    .getByRole('navigation', { name: 'Language' })
    .getByRole('link', { name: 'Deutsch' })
    .click()
  await page.waitForURL(`${server.url}/de/projects/soofi`)
  expect(await page.getAttribute('html', 'lang')).toBe('de')
  await page.close()
})

test('the language switch keeps the query: search terms, filters, page', async () => {
  const page = await context.newPage()
  await page.goto(`${server.url}/de/search?q=KI`)
  await page
    .getByRole('navigation', { name: 'Sprache' })
    .getByRole('link', { name: 'English' })
    .click()
  await page.waitForURL(`${server.url}/en/search?q=KI`)
  await page.goto(`${server.url}/en/news?page=2`)
  const german = page.getByRole('navigation', { name: 'Language' }).getByRole('link', {
    name: 'Deutsch',
  })
  await expect(german.getAttribute('href')).resolves.toBe('/de/news?page=2')
  await page.close()
})

test('the skip link moves the focus to the content', async () => {
  const page = await context.newPage()
  await page.goto(`${server.url}/en/news`)
  await page.keyboard.press('Tab')
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
  await page.keyboard.press('Enter')
  await page.waitForURL(/#main$/)
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
  await page.close()
})

test('/ sends visitors to their language, German by default', async () => {
  const to = async (acceptLanguage?: string) => {
    const response = await fetch(`${server.url}/`, {
      redirect: 'manual',
      headers: acceptLanguage ? { 'Accept-Language': acceptLanguage } : {},
    })
    return [response.status, response.headers.get('location')]
  }
  expect(await to()).toEqual([307, '/de'])
  expect(await to('en-GB,en;q=0.9')).toEqual([307, '/en'])
  expect(await to('fr-FR, en;q=0.5, de;q=0.8')).toEqual([307, '/de'])
  expect(await to('fr')).toEqual([307, '/de'])
})

test('unknown pages answer 404 in the visitor’s language', async () => {
  const page = await context.newPage()
  for (const [path, text] of [
    ['/en/no-such-page', 'Page not found'],
    ['/en/news/no-such-article', 'Page not found'],
    ['/de/projects/gibt-es-nicht', 'Seite nicht gefunden'],
  ] as const) {
    const response = await page.goto(`${server.url}${path}`)
    expect(response?.status()).toBe(404)
    await expect(page.locator('h1').first().textContent()).resolves.toBe(text)
    expect(await page.getAttribute('html', 'lang')).toBe(path.split('/')[1])
  }
  await screenshot(page, 'de-not-found')
  await page.close()
})

test('list filters narrow the list and live in the URL', async () => {
  const page = await context.newPage()
  await page.goto(`${server.url}/en/news`)
  expect(await page.locator('main article').count()).toBe(3)
  await page.getByLabel('Tag').fill('workshop')
  await page.getByRole('button', { name: 'Filter' }).click()
  await page.waitForURL(/tag=workshop/)
  expect(await page.locator('main article').count()).toBe(1)
  await page.goto(`${server.url}/en/projects?status=completed`)
  await expect(page.locator('main').textContent()).resolves.toContain('Nothing found.')
  await page.goto(`${server.url}/en/projects?status=active&organization=fraunhofer-iais`)
  expect(await page.locator('main article').count()).toBe(1)
  await page.close()
})

/** Parses XML in the browser: a document with no parser error, or the error text. */
async function parseXml(xml: string) {
  const page = await context.newPage()
  const result = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml')
    const error = doc.querySelector('parsererror')
    if (error) return { error: error.textContent }
    const root = doc.documentElement
    const children = (el: Element, name: string) =>
      Array.from(el.children).filter((child) => child.localName === name)
    const entries = children(root, 'entry').map((entry) =>
      ['id', 'title', 'updated', 'link'].filter((name) => children(entry, name).length !== 1),
    )
    return {
      root: root.localName,
      namespace: root.namespaceURI,
      feedMissing: ['id', 'title', 'updated', 'author'].filter(
        (name) => children(root, name).length === 0,
      ),
      entries,
      urls: children(root, 'url').length,
    }
  }, xml)
  await page.close()
  return result
}

test.each(locales)(
  'the %s news feed is well-formed Atom with every required element',
  async (locale) => {
    const response = await fetch(`${server.url}/${locale}/feed.xml`)
    expect(response.headers.get('content-type')).toContain('application/atom+xml')
    const feed = await parseXml(await response.text())
    expect(feed).toMatchObject({
      root: 'feed',
      namespace: 'http://www.w3.org/2005/Atom',
      feedMissing: [],
    })
    expect(feed.entries).toEqual([[], [], []])
  },
)

test('sitemap.xml indexes parts that list both locales of the published documents; robots.txt points to it', async () => {
  const index = await (await fetch(`${server.url}/sitemap.xml`)).text()
  expect(await parseXml(index)).toMatchObject({ root: 'sitemapindex' })
  const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!)
  let text = ''
  for (const url of parts) {
    const part = await (await fetch(url.replace(/^https?:\/\/[^/]+/, server.url))).text()
    expect(await parseXml(part)).toMatchObject({ root: 'urlset' })
    text += part
  }
  for (const locale of locales) {
    expect(text).toContain(`<loc>${server.url}/${locale}/projects/soofi</loc>`)
    expect(text).toContain(`<loc>${server.url}/${locale}/people/joerg-bienert</loc>`)
  }
  const robots = await (await fetch(`${server.url}/robots.txt`)).text()
  expect(robots).toContain(`Sitemap: ${server.url}/sitemap.xml`)
  expect(robots).toContain('Disallow: /admin')
})

test('the axe check does find violations where there are some (so its zero above means something)', async () => {
  const page = await context.newPage()
  await page.setContent(
    '<html><body><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input></body></html>',
  )
  const ids = (await seriousViolations(page)).map((violation) => violation.id)
  expect(ids).toEqual(expect.arrayContaining(['image-alt', 'html-has-lang']))
  await page.close()
})

test.each(locales)('in dark mode the %s home page keeps its contrast', async (locale) => {
  const dark = await browser.newContext({
    colorScheme: 'dark',
    viewport: { width: 1280, height: 900 },
  })
  const page = await dark.newPage()
  await page.goto(`${server.url}/${locale}`)
  expect(await seriousViolations(page)).toEqual([])
  await screenshot(page, `${locale}-home-dark`)
  await dark.close()
})

/** The search index builds in the background once the server is ready: wait for it. */
async function searchReady() {
  for (let i = 0; i < 120; i++) {
    const ready = (await (await fetch(`${server.url}/readyz`)).json()) as {
      search?: { state: string }
    }
    if (ready.search?.state === 'ready') return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the search index was not ready within 30 s')
}

describe.each(locales)('search in %s', (locale) => {
  const query = { de: 'foundation modelle', en: 'foundation models' }[locale]
  const heading = { de: 'Suche', en: 'Search' }[locale]

  test('the results page: highlighted results, noindex, and no serious axe violations', async () => {
    await searchReady()
    const page = await context.newPage()
    const response = await page.goto(
      `${server.url}/${locale}/search?q=${encodeURIComponent(query)}`,
    )
    expect(response?.status()).toBe(200)
    await expect(page.locator('h1').first().textContent()).resolves.toBe(heading)
    expect(await page.getAttribute('meta[name="robots"]', 'content')).toContain('noindex')
    const first = page.locator('.search-results li').first()
    expect(await first.locator('h2 a').getAttribute('href')).toBe(`/${locale}/projects/soofi`)
    expect(await first.locator('mark').allTextContents()).toEqual(
      expect.arrayContaining(['Foundation']),
    )
    const violations = await seriousViolations(page)
    axeReport.push(`  ${locale} search: ${violations.length} ${JSON.stringify(violations)}`)
    expect(violations).toEqual([])
    await screenshot(page, `${locale}-search`)
    await page.close()
  })
})

test('the header search box and the type filter work without JavaScript', async () => {
  await searchReady()
  const noScript = await browser.newContext({ javaScriptEnabled: false })
  const page = await noScript.newPage()
  await page.goto(`${server.url}/en`)
  const box = page.getByRole('search', { name: 'Site search' })
  await box.getByLabel('Search term').fill('Bienert')
  await box.getByRole('button', { name: 'Search' }).click()
  await page.waitForURL(/\/en\/search\?q=Bienert/)
  const kinds = async () => page.locator('.search-meta').allTextContents()
  expect((await kinds()).length).toBeGreaterThan(1)
  const form = page.getByRole('search', { name: 'Search form' })
  await form.getByLabel('Kind').selectOption('person')
  await form.getByRole('button', { name: 'Search' }).click()
  await page.waitForURL(/type=person/)
  expect(await kinds()).toEqual(['Person'])
  await noScript.close()
})

test('hostile queries on the results page get an answer, never a 500', async () => {
  await searchReady()
  for (const q of ['x'.repeat(500), '"*~^:()', '🤖'.repeat(50), '%E0%A4%A', '']) {
    const response = await fetch(
      `${server.url}/de/search?q=${encodeURIComponent(q)}&type=nope&page=-3`,
    )
    expect({ q, status: response.status }).toEqual({ q, status: 200 })
  }
  const tooLong = await (await fetch(`${server.url}/de/search?q=${'x'.repeat(500)}`)).text()
  expect(tooLong).toContain('höchstens 200 Zeichen')
})
