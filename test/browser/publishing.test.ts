import { jest } from '@jest/globals'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { DEFAULT_SERVER_ACTION_BODY_MAX_BYTES, readEnvironment } from '@/core/env'
import { previewUrl } from '@/cms/previewLinks'
import { toLexical } from '@/data/seed/richText'
import { bodySettings } from '@/edge/bodyClasses'

import { launchChromium, screenshot } from '../helpers/browser'
import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'

jest.setTimeout(180_000)

const previewSecret = 'browser-test-preview-secret'
const editor = { email: 'editor@browser.example', password: 'editor-password-123' }

let server: ProductionServer
let browser: Browser
/** The editor's browser (admin session) and an anonymous visitor's, kept apart. */
let editorContext: BrowserContext
let visitor: BrowserContext
let admin: Page

async function apiAs(credentials: {
  email: string
  password: string
}): Promise<(path: string, init?: RequestInit) => Promise<Response>> {
  const token = await loginToken(server, credentials)
  return (path, init = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        Authorization: `JWT ${token}`,
        ...init.headers,
      },
    })
}

beforeAll(async () => {
  server = await startProductionServer({ PREVIEW_SECRET: previewSecret })
  const asAdmin = await apiAs(server.admin)
  const created = await asAdmin('/api/users', {
    method: 'POST',
    body: JSON.stringify({ ...editor, name: 'Erika Editor', role: 'editor' }),
  })
  expect(created.status).toBe(201)
  browser = await launchChromium()
  editorContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  admin = await editorContext.newPage()
  await admin.goto(`${server.url}/admin/login`)
  await admin.fill('input[name="email"]', editor.email)
  await admin.fill('input[name="password"]', editor.password)
  await admin.click('button[type="submit"]')
  await admin.waitForURL(`${server.url}/admin`)
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** What an anonymous visitor gets for a path right now (a fresh page each time). */
async function anonymousText(path: string): Promise<{ status: number; text: string }> {
  const page = await visitor.newPage()
  const response = await page.goto(`${server.url}${path}`)
  const text = (await page.locator('body').textContent()) ?? ''
  await page.close()
  return { status: response?.status() ?? 0, text }
}

const feed = async (locale: string) => (await fetch(`${server.url}/${locale}/feed.xml`)).text()

/** The slugs an anonymous `search` GraphQL query finds (once the index is built). */
async function searchSlugs(query: string, locale: string): Promise<string[]> {
  for (;;) {
    const response = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query:
          'query ($q: String!, $l: LocaleInputType) { search(query: $q, locale: $l) { docs { slug } } }',
        variables: { q: query, l: locale },
      }),
    })
    // 503 only while the index builds after the server start.
    if (response.status === 503) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      continue
    }
    const body = (await response.json()) as { data: { search: { docs: { slug: string }[] } } }
    return body.data.search.docs.map((doc) => doc.slug)
  }
}

/**
 * In the admin: a new news item with a title, an excerpt and a paragraph of body text, saved as a
 * draft by autosave. Returns its slug.
 */
async function writeNews(title: string, excerpt: string): Promise<string> {
  await admin.goto(`${server.url}/admin/collections/news/create`)
  // Autosave creates the draft at once; the URL then carries its ID.
  await admin.waitForURL(/\/admin\/collections\/news\/[0-9a-f-]{36}$/)
  await admin.fill('#field-title', title)
  await admin.fill('#field-excerpt', excerpt)
  await admin.locator('.rich-text-lexical [contenteditable="true"]').first().click()
  await admin.keyboard.type(`${title}: ein Absatz im Text.`)
  // The slug comes from the German title when autosave stores the draft.
  await admin.waitForFunction(
    () => (document.querySelector('#field-slug') as HTMLInputElement | null)?.value,
  )
  return admin.inputValue('#field-slug')
}

async function publish(): Promise<void> {
  await admin.click('#action-save')
  await admin.locator('.doc-controls__status', { hasText: /Published|Veröffentlicht/ }).waitFor()
}

test('an editor publishes news in the admin: it is on the home page, in the feed and in search at once; unpublished, it is gone', async () => {
  const stamp = String(Date.now())
  const title = `Neue Meldung ${stamp}`
  const slug = await writeNews(title, 'Eine Meldung aus dem Browsertest.')
  expect(slug).toMatch(/^neue-meldung-\d+$/)

  // Before publishing: a draft, nowhere in public.
  expect(await searchSlugs(stamp, 'de')).toEqual([])
  expect((await anonymousText('/de')).text).not.toContain(title)
  expect((await anonymousText(`/de/news/${slug}`)).status).toBe(404)

  await publish()
  await screenshot(admin, 'admin-news-published')
  const home = await anonymousText('/de')
  expect(home.text).toContain(title)
  expect((await anonymousText('/en')).text).toContain(title) // German text as the fallback
  const article = await anonymousText(`/de/news/${slug}`)
  expect(article.status).toBe(200)
  expect(article.text).toContain(`${title}: ein Absatz im Text.`)
  expect(await feed('de')).toContain(`<title>${title}</title>`)
  expect(await searchSlugs(stamp, 'de')).toEqual([slug])
  expect(await searchSlugs(stamp, 'en')).toEqual([slug])

  // Unpublish from the document's menu, and confirm.
  await admin.click('.doc-controls__dots')
  await admin.click('#action-unpublish')
  await admin.click('#confirm-action')
  await admin.locator('.doc-controls__status', { hasText: /Draft|Entwurf/ }).waitFor()

  expect((await anonymousText('/de')).text).not.toContain(title)
  expect((await anonymousText(`/de/news/${slug}`)).status).toBe(404)
  expect(await feed('de')).not.toContain(title)
  expect(await searchSlugs(stamp, 'de')).toEqual([])
})

test('a draft change to published news never shows publicly, but does in the editor’s preview', async () => {
  const title = `Stabile Meldung ${Date.now()}`
  const slug = await writeNews(title, 'Veröffentlichte Fassung.')
  await publish()
  expect((await anonymousText(`/de/news/${slug}`)).text).toContain('Veröffentlichte Fassung.')

  // Change the excerpt and let autosave store a draft (no publish).
  await admin.fill('#field-excerpt', 'Nur ein Entwurf.')
  await admin
    .locator('.doc-controls__status', { hasText: /Draft|Entwurf|Changed|Geändert/ })
    .waitFor()
  await admin.waitForTimeout(3_000) // the autosave interval is 2 s
  const publicView = await anonymousText(`/de/news/${slug}`)
  expect(publicView.text).toContain('Veröffentlichte Fassung.')
  expect(publicView.text).not.toContain('Nur ein Entwurf.')
  expect(await feed('de')).not.toContain('Nur ein Entwurf.')

  // The editor's preview (a signed link, the editor's session) shows the draft under a banner.
  const preview = await editorContext.newPage()
  await preview.goto(`${server.url}${previewUrl(`/de/news/${slug}`, previewSecret)}`)
  await preview.waitForURL(`${server.url}/de/news/${slug}`)
  await expect(preview.locator('.preview-banner').textContent()).resolves.toContain('Vorschau')
  await expect(preview.locator('main').textContent()).resolves.toContain('Nur ein Entwurf.')
  await screenshot(preview, 'de-news-item-preview')
  await preview.close()

  // Still nothing for the public, and a forged preview link is refused.
  expect((await anonymousText(`/de/news/${slug}`)).text).not.toContain('Nur ein Entwurf.')
  const forged = await fetch(`${server.url}/preview?path=/de/news/${slug}&token=forged`, {
    redirect: 'manual',
  })
  expect(forged.status).toBe(403)
})

test('a preview link without a session leads to the admin login, not to drafts', async () => {
  const response = await fetch(`${server.url}${previewUrl('/de/news/any', previewSecret)}`, {
    redirect: 'manual',
  })
  expect(response.status).toBe(307)
  expect(response.headers.get('location')).toMatch(/^\/admin\/login\?redirect=%2Fpreview/)
})

test('the admin’s live preview shows the draft beside the editor and follows each save', async () => {
  const title = `Live-Vorschau ${Date.now()}`
  await writeNews(title, 'Erste Fassung.')
  await admin.click('#live-preview-toggler')
  const frame = admin.frameLocator('iframe.live-preview-iframe, .live-preview-window iframe')
  await expect(frame.locator('.preview-banner').textContent()).resolves.toContain('Vorschau')
  await frame.locator('main', { hasText: 'Erste Fassung.' }).waitFor()

  await admin.fill('#field-excerpt', 'Zweite Fassung.')
  // Autosave stores the draft; the admin tells the preview, which renders again on the server.
  await frame.locator('main', { hasText: 'Zweite Fassung.' }).waitFor()
  await screenshot(admin, 'admin-live-preview')
  await admin.click('#live-preview-toggler')
  // Never published: nothing of it in public.
  expect((await anonymousText('/de')).text).not.toContain(title)
})

/** Cookie-carrying requests without a browser: a partner's session and its draft-mode cookie. */
async function previewAs(credentials: { email: string; password: string }, path: string) {
  const login = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  })
  const session = login.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
  // As a browser sends it when the link is opened from the admin (Payload accepts session
  // cookies only from same-site requests).
  const open = await fetch(`${server.url}${previewUrl(path, previewSecret)}`, {
    redirect: 'manual',
    headers: { Cookie: session.join('; '), 'Sec-Fetch-Site': 'same-origin' },
  })
  expect(open.status).toBe(307)
  const draftCookie = open.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
  const page = await fetch(`${server.url}${path}`, {
    headers: { Cookie: [...session, ...draftCookie].join('; ') },
  })
  const html = await page.text()
  // The page's own content, without the RSC payload that repeats it.
  const main = /<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? ''
  return { status: page.status, main, banner: html.includes('class="preview-banner"') }
}

test('partners preview drafts of their own projects only', async () => {
  const asAdmin = await apiAs(server.admin)
  const orgId = async (slug: string) => {
    const response = await asAdmin(`/api/organizations?where[slug][equals]=${slug}`)
    return ((await response.json()) as { docs: { id: string }[] }).docs[0]?.id
  }
  const makePartner = async (email: string, organization: string) => {
    const password = 'partner-password-123'
    const response = await asAdmin('/api/users', {
      method: 'POST',
      body: JSON.stringify({ email, password, name: email, role: 'partner', organization }),
    })
    expect(response.status).toBe(201)
    return { email, password }
  }
  const owner = await makePartner('owner@browser.example', (await orgId('fraunhofer-iais')) ?? '')
  const stranger = await makePartner(
    'other@browser.example',
    (await orgId('ki-bundesverband')) ?? '',
  )

  // The owning partner saves a draft of SOOFI (partners' edits are always drafts).
  const asOwner = await apiAs(owner)
  const soofi = await asAdmin('/api/projects?where[slug][equals]=soofi')
  const id = ((await soofi.json()) as { docs: { id: string }[] }).docs[0]?.id
  const saved = await asOwner(`/api/projects/${id}?draft=true&locale=de`, {
    method: 'PATCH',
    body: JSON.stringify({ summary: 'Entwurf der Partnerin.' }),
  })
  expect(saved.status).toBe(200)

  const own = await previewAs(owner, '/de/projects/soofi')
  expect(own).toMatchObject({ status: 200, banner: true })
  expect(own.main).toContain('Entwurf der Partnerin.')

  const other = await previewAs(stranger, '/de/projects/soofi')
  expect(other).toMatchObject({ status: 200, banner: true })
  expect(other.main).toContain('SOOFI')
  expect(other.main).not.toContain('Entwurf der Partnerin.')

  const anonymous = await (await fetch(`${server.url}/de/projects/soofi`)).text()
  expect(anonymous.includes('Entwurf der Partnerin.')).toBe(false)
})

test('a user who forgot the password finds the reset mail in their mailbox, in their language, and its link sets a new one', async () => {
  const asAdmin = await apiAs(server.admin)
  const user = { email: 'forgetful@browser.example', password: 'old-password-123' }
  const created = await asAdmin('/api/users', {
    method: 'POST',
    body: JSON.stringify({ ...user, name: 'Fiona Forgetful', role: 'editor', language: 'en' }),
  })
  expect(created.status).toBe(201)

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/forgot`)
  await page.fill('input[name="email"]', user.email)
  await page.click('button[type="submit"]')
  await page.getByText(/Email Sent|E-Mail versendet/).waitFor()

  // Over SMTP, as a mail server would receive it.
  const mail = await server.mail.waitFor((m) => m.to.includes(user.email))
  expect(mail.subject).toBe('Set a new password')
  expect(mail.html).toContain('Set a new password')
  const link = /(\S+\/admin\/reset\/[0-9a-f]+)/.exec(mail.text)?.[1] ?? ''
  expect(link.startsWith(`${server.url}/admin/reset/`)).toBe(true)

  await page.goto(link)
  await page.fill('#field-password', 'new-password-456')
  await page.fill('#field-confirm-password', 'new-password-456')
  await screenshot(page, 'admin-reset-password')
  await page.click('button[type="submit"]')
  await page.waitForURL(`${server.url}/admin`)
  await context.close()

  await expect(loginToken(server, { ...user, password: 'new-password-456' })).resolves.toBeTruthy()
  await expect(loginToken(server, user)).rejects.toThrow(/failed/)
})

test('the admin’s largest real posts (form state with a long Lexical body, autosave) fit the edge limits with room', async () => {
  // A long article: 400 paragraphs of about 60 words (some 24,000 words), written by an editor.
  const asEditor = await apiAs(editor)
  const words =
    'Offene Grundlagenmodelle brauchen Rechenleistung, Daten und Zusammenarbeit über Grenzen hinweg.'
  const paragraphs = Array.from({ length: 400 }, (_, i) => `${i + 1}. ${`${words} `.repeat(6)}`)
  const created = await asEditor('/api/news', {
    method: 'POST',
    body: JSON.stringify({
      title: `Lange Meldung ${Date.now()}`,
      body: toLexical(paragraphs, () => ''),
    }),
  })
  expect(created.status).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: string } }

  const posts: { kind: 'server action' | 'multipart' | 'other'; bytes: number }[] = []
  const record = (request: import('playwright-core').Request) => {
    if (request.method() !== 'POST' && request.method() !== 'PATCH') return
    const headers = request.headers()
    const bytes = request.postDataBuffer()?.length ?? 0
    const kind = headers['next-action']
      ? 'server action'
      : (headers['content-type'] ?? '').startsWith('multipart/form-data')
        ? 'multipart'
        : 'other'
    posts.push({ kind, bytes })
  }
  admin.on('request', record)
  try {
    await admin.goto(`${server.url}/admin/collections/news/${doc.id}`)
    await admin.locator('.rich-text-lexical [contenteditable="true"]').first().click()
    await admin.keyboard.press('End')
    await admin.keyboard.type(' Noch ein Satz.')
    await admin.fill('#field-excerpt', 'Ein langer Text für die Messung.')
    // Autosave (2 s after the last change) sends the whole document.
    await admin.waitForResponse(
      (response) =>
        response.request().method() === 'PATCH' && response.url().includes(`/api/news/${doc.id}`),
      { timeout: 30_000 },
    )
  } finally {
    admin.off('request', record)
  }
  const largest = (kind: string) =>
    Math.max(0, ...posts.filter((p) => p.kind === kind).map((p) => p.bytes))
  console.info(
    `The admin's largest posts for a ${paragraphs.length}-paragraph article: server action ` +
      `${largest('server action')} bytes, multipart save ${largest('multipart')} bytes`,
  )
  expect(largest('server action')).toBeGreaterThan(0)
  expect(largest('multipart')).toBeGreaterThan(0)
  // Room: a document four times as long still fits (docs/limits.md).
  expect(largest('server action') * 4).toBeLessThan(DEFAULT_SERVER_ACTION_BODY_MAX_BYTES)
  expect(largest('multipart') * 4).toBeLessThan(
    bodySettings(
      readEnvironment({ NODE_ENV: 'test', PAYLOAD_SECRET: 'x'.repeat(32), PREVIEW_SECRET: 'y' }),
    ).limits.multipart,
  )
})
