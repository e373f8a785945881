/**
 * The admin as a partner and as an editor, in both admin languages, on one production server:
 * the partner submits for review (no publish action anywhere), the editor compares and approves
 * or sends back from the dashboard, news goes into the trash and back, and the public never sees
 * what is in the trash. Every page visited is checked for strings of the other language,
 * untranslated keys and "undefined"; screenshots go to test-results/screenshots/.
 */
import { jest } from '@jest/globals'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { languageProblems } from '../helpers/adminPageLanguage'
import type { Language } from '../helpers/adminStrings'
import { launchChromium, screenshot } from '../helpers/browser'
import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'

jest.setTimeout(240_000)

let server: ProductionServer
let browser: Browser
const contexts: BrowserContext[] = []
let adminToken: string

const editor = { email: 'editor@review.example', password: 'editor-password-123' }
const partner = { email: 'partner@review.example', password: 'partner-password-123' }

async function api(path: string, init: RequestInit = {}, token = adminToken) {
  const response = await fetch(`${server.url}/api${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}`, ...init.headers },
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const idOf = async (collection: string, slug: string) =>
  (
    (await api(`/${collection}?where[slug][equals]=${slug}&depth=0`)).body.docs as { id: string }[]
  )[0]!.id

/** A browser session of a user in one admin language (Payload's `payload-lng` cookie). */
async function sessionOf(credentials: typeof editor, language: Language): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  contexts.push(context)
  const token = await loginToken(server, credentials)
  await context.addCookies([
    { name: 'payload-token', value: token, url: server.url },
    { name: 'payload-lng', value: language, url: server.url },
  ])
  return context.newPage()
}

/** Opens an admin page and waits until Payload has rendered it. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`)
  await page.locator('.template-default').first().waitFor()
}

async function expectOneLanguage(page: Page, language: Language, shot: string) {
  await screenshot(page, shot)
  expect(await languageProblems(page, language)).toEqual([])
}

const publicStatus = async (path: string) => (await fetch(`${server.url}${path}`)).status

let soofi: string
let person: string

beforeAll(async () => {
  server = await startProductionServer()
  adminToken = await loginToken(server)
  const organization = await idOf('organizations', 'fraunhofer-iais')
  for (const [user, role] of [
    [editor, 'editor'],
    [partner, 'partner'],
  ] as const) {
    const created = await api('/users', {
      method: 'POST',
      body: JSON.stringify({
        ...user,
        name: role === 'editor' ? 'Erika Redaktion' : 'Paul Partner',
        role,
        ...(role === 'partner' ? { organization } : {}),
      }),
    })
    expect(created.status).toBe(201)
  }
  soofi = await idOf('projects', 'soofi')
  const partnerToken = await loginToken(server, partner)
  const draft = await api(
    '/people',
    { method: 'POST', body: JSON.stringify({ name: 'Petra Projektleiterin' }) },
    partnerToken,
  )
  person = (draft.body.doc as { id: string }).id
  browser = await launchChromium()
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.stop()
})

test('a partner has no publish action and submits a project and a person for review (de, en)', async () => {
  const de = await sessionOf(partner, 'de')
  await visit(de, `/admin/collections/projects/${soofi}`)
  await de.fill('#field-summary', 'Die Partnerin ergänzt die Kurzfassung.')
  await expect(de.locator('#action-save').count()).resolves.toBe(0)
  await de.locator('.review-panel', { hasText: 'Prüfung' }).waitFor()
  await de.click('#action-submit-for-review')
  await de.locator('[data-review-state="in-review"]', { hasText: 'In Prüfung' }).waitFor()
  // SOOFI was approved before: the partner's submission is the newest step of its history.
  await de
    .locator('.review-panel__history li', { hasText: 'Freigegeben → In Prüfung' })
    .first()
    .waitFor()
  await expect(de.locator('.review-panel__history li').first().textContent()).resolves.toContain(
    'von Paul Partner',
  )
  await expectOneLanguage(de, 'de', 'admin-de-partner-project-submitted')
  // The list view offers no bulk publishing either.
  await visit(de, '/admin/collections/projects')
  await de.locator('.row-1 input[type="checkbox"], .table input[type="checkbox"]').first().check()
  await expect(
    de.getByRole('button', { name: 'Veröffentlichen', exact: true }).count(),
  ).resolves.toBe(0)
  await expectOneLanguage(de, 'de', 'admin-de-partner-projects')

  const en = await sessionOf(partner, 'en')
  await visit(en, `/admin/collections/people/${person}`)
  await expect(en.locator('#action-save').count()).resolves.toBe(0)
  await en.click('#action-submit-for-review')
  await en.locator('[data-review-state="in-review"]', { hasText: 'In review' }).waitFor()
  await expectOneLanguage(en, 'en', 'admin-en-partner-person-submitted')
  // Nothing of it is public yet.
  expect(await publicStatus(`/de/projects/soofi`)).toBe(200)
  expect(await (await fetch(`${server.url}/de/projects/soofi`)).text()).not.toContain(
    'Die Partnerin ergänzt',
  )
})

test('an editor compares the submitted draft with the published version and approves it (de)', async () => {
  const de = await sessionOf(editor, 'de')
  await visit(de, '/admin')
  const item = de.locator(`[data-review-item="${soofi}"]`)
  await item.waitFor()
  await expectOneLanguage(de, 'de', 'admin-de-editor-dashboard')
  // The content-locale switch names the current locale, in the admin's language, and follows it.
  const current = de.locator('.localizer-button__current-label').filter({ visible: true })
  await expect(current.textContent()).resolves.toBe('Deutsch')
  await de.locator('.localizer .popup-button').filter({ visible: true }).click()
  await de.getByRole('button', { name: /Englisch/ }).click()
  await current.filter({ hasText: 'Englisch' }).waitFor()
  await expectOneLanguage(de, 'de', 'admin-de-editor-dashboard-english-content')

  await item.locator('.review-compare').click()
  await de.waitForURL(/\/versions\//)
  await de.locator('.view-version', { hasText: 'Die Partnerin ergänzt die Kurzfassung.' }).waitFor()
  await expectOneLanguage(de, 'de', 'admin-de-editor-compare')

  await visit(de, `/admin/collections/projects/${soofi}`)
  // The partner had the project open last: Payload offers to take over its editing lock.
  const takeOver = de.locator('#document-locked-take-over')
  await takeOver.click({ timeout: 10_000 }).catch(() => undefined)
  await de.click('#review-approve')
  await de.locator('[data-review-state="approved"]', { hasText: 'Freigegeben' }).waitFor()
  await de.locator('.doc-controls__status', { hasText: 'Veröffentlicht' }).waitFor()
  await expectOneLanguage(de, 'de', 'admin-de-editor-approved')
  const live = await (await fetch(`${server.url}/de/projects/soofi`)).text()
  expect(live).toContain('Die Partnerin ergänzt die Kurzfassung.')
})

test('an editor sends a person back from the queue with a note; the partner reads it (en)', async () => {
  const en = await sessionOf(editor, 'en')
  await visit(en, '/admin')
  const item = en.locator(`[data-review-item="${person}"]`)
  await item.locator('input').fill('Please add the role title.')
  await item.locator('.queue-send-back').click()
  await en.locator(`[data-review-item="${person}"]`).waitFor({ state: 'detached' })
  await expectOneLanguage(en, 'en', 'admin-en-editor-dashboard')

  const partnerEn = await sessionOf(partner, 'en')
  await visit(partnerEn, `/admin/collections/people/${person}`)
  await partnerEn
    .locator('.review-panel__note', { hasText: 'Please add the role title.' })
    .waitFor()
  await partnerEn.locator('[data-review-state="changes-requested"]').waitFor()
  await expectOneLanguage(partnerEn, 'en', 'admin-en-partner-changes-requested')
})

test('an editor moves news into the trash and restores it; the public never sees it there (en)', async () => {
  const slug = 'wie-es-weitergeht-kraefte-buendeln'
  const news = await idOf('news', slug)
  expect(await publicStatus(`/de/news/${slug}`)).toBe(200)

  const en = await sessionOf(editor, 'en')
  await visit(en, `/admin/collections/news/${news}`)
  await en.click('.doc-controls__dots')
  await en.click('#action-delete')
  await en.click('#confirm-action')
  await en.waitForURL(/\/admin\/collections\/news(\?|$)/)
  expect(await publicStatus(`/de/news/${slug}`)).toBe(404)
  const gql = await fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: `{ News(trash: true, limit: 100) { docs { slug } } }` }),
  })
  expect(JSON.stringify(await gql.json())).not.toContain(slug)

  await visit(en, `/admin/collections/news/trash/${news}`)
  await expectOneLanguage(en, 'en', 'admin-en-editor-news-in-trash')
  await en.click('#action-restore')
  // It was published when it went into the trash: the dialog offers to bring it back published.
  await en.waitForFunction(
    () => document.querySelector<HTMLInputElement>('#restore-as-published')?.checked,
    undefined,
    { timeout: 5_000 },
  )
  await en.click('#confirm-action')
  await en.waitForURL((url) => !url.pathname.includes('/trash/'))
  expect(await publicStatus(`/de/news/${slug}`)).toBe(200)
})
