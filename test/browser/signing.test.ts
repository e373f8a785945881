/**
 * The signature flow in a browser, in both locales, on the production build: the form (with
 * JavaScript and the proof of work in English, without JavaScript in German) → the mail at the
 * SMTP sink → the confirm button → moderation for the form sent without the proof of work (the
 * dashboard counts it, an editor approves) → the list and the count → the withdraw button → gone.
 * Along the way: the signing page comes from the cache with a stamp of its own for each answer,
 * a pending signature leaves the cached home page a HIT, a confirmation refreshes its count, and
 * the pages pass axe.
 */
import { jest } from '@jest/globals'
import type { Browser, BrowserContext, Page } from 'playwright-core'

import { launchChromium, screenshot, seriousViolations } from '../helpers/browser'
import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'
import { tokenIn } from '../helpers/signatures'

jest.setTimeout(180_000)

let server: ProductionServer
let browser: Browser
let withScript: BrowserContext
let withoutScript: BrowserContext
let adminToken: string

beforeAll(async () => {
  server = await startProductionServer({
    SIGNATURE_MIN_SECONDS: '0',
    SIGNATURE_POW_MAX_NUMBER: '2000',
    // The production default (the test environment turns it off): the last test passes it.
    SIGNING_MORE_WORK_FROM_PER_ADDRESS_PER_HOUR: '10',
  })
  adminToken = await loginToken(server)
  browser = await launchChromium()
  withScript = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  withoutScript = await browser.newContext({ javaScriptEnabled: false })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** The home page as an anonymous reader gets it, and whether the cache answered. */
async function home(locale: string): Promise<{ cache: string | null; count: number }> {
  const response = await fetch(`${server.url}/${locale}`)
  const html = await response.text()
  const count = Number(/data-signature-count="(\d+)"/.exec(html)?.[1])
  return { cache: response.headers.get('x-cache'), count }
}

async function fillForm(page: Page, fields: { name: string; email: string; kind: string }) {
  await page.check(`input[name="kind"][value="${fields.kind}"]`)
  await page.fill('#field-name', fields.name)
  await page.fill('#field-email', fields.email)
  await page.fill('#field-organization', 'Web.de')
  await page.selectOption('#field-sector', 'research')
  await page.fill('#field-country', 'DE')
}

async function listed(locale: string, name: string): Promise<boolean> {
  const html = await (await fetch(`${server.url}/${locale}/declaration`)).text()
  return html.includes(name)
}

/** Opens a mail's link and presses the page's button, as the signer does. */
async function follow(page: Page, link: string, button: RegExp): Promise<string> {
  await page.goto(link)
  await page.getByRole('button', { name: button }).click()
  await page.locator('[role="status"][data-result]').waitFor()
  return (await page.locator('[role="status"]').textContent()) ?? ''
}

test('English, with JavaScript: sign, confirm by mail, listed and counted, withdraw, gone', async () => {
  const name = `Siobhán O'Brien ${Date.now()}`
  const email = `siobhan-${Date.now()}@example.org`
  // Warm the cache: the second read of the home page is a hit.
  await home('en')
  const before = await home('en')
  expect(before.cache).toBe('HIT')

  const page = await withScript.newPage()
  await page.goto(`${server.url}/en`)
  await page.getByRole('link', { name: 'Sign now' }).first().click()
  await page.waitForURL(`${server.url}/en/declaration/sign`)
  // The form comes from the read cache, and each answer with a stamp of its own (this page's
  // too: it signs with it below, its proof of work verified, and is counted once confirmed).
  const stamps: (string | undefined)[] = []
  for (let i = 0; i < 2; i++) {
    const signing = await fetch(`${server.url}/en/declaration/sign`)
    if (i === 1) expect(signing.headers.get('x-cache')).toBe('HIT')
    stamps.push(/name="formToken" value="([^"]+)"/.exec(await signing.text())?.[1])
  }
  expect(stamps[0]).toMatch(/^\d{13}\./)
  expect(stamps[1]).not.toBe(stamps[0])
  expect(await page.inputValue('input[name="formToken"]')).not.toBe(stamps[0])
  expect(await seriousViolations(page)).toEqual([])

  // A refusal is announced in the form and keeps what was typed. On a loaded machine the page
  // may not have hydrated yet: a click before that would post the form without JavaScript.
  await page.locator('form[data-enhanced]').waitFor()
  await fillForm(page, { name: 'See www.spam.example', email, kind: 'person' })
  await page.getByRole('button', { name: 'Sign' }).click()
  await page.locator('#sign-errors', { hasText: 'Name may not contain links' }).waitFor()
  expect(await page.inputValue('#field-email')).toBe(email)
  expect(await page.getAttribute('#field-name', 'aria-invalid')).toBe('true')

  await page.fill('#field-name', name)
  // The proof of work runs in the browser and fills the form's `altcha` field.
  await page.waitForFunction(
    () => (document.querySelector('input[name="altcha"]') as HTMLInputElement | null)?.value,
  )
  await page.getByRole('button', { name: 'Sign' }).click()
  await page.waitForURL(`${server.url}/en/declaration/sign/sent`)
  await screenshot(page, 'signing-en-sent')

  const mail = await server.mail.waitFor((m) => m.to.includes(email))
  expect(mail.language).toBe('en')
  // Pending: the cached home page is still served, with the old count.
  expect(await home('en')).toEqual({ cache: 'HIT', count: before.count })
  expect(await listed('en', name)).toBe(false)

  const confirmLink = /https?:\/\/\S+\/en\/declaration\/confirm\?token=\S+/.exec(mail.text)![0]
  expect(confirmLink.startsWith(server.url)).toBe(true)
  expect(await follow(page, confirmLink, /Confirm my signature/)).toContain('confirmed')
  const after = await home('en')
  expect(after).toEqual({ cache: 'MISS', count: before.count + 1 })
  expect(await listed('en', name)).toBe(true)

  const withdraw = `${server.url}/en/declaration/withdraw?token=${tokenIn(mail.text, 'withdraw')}`
  expect(await follow(page, withdraw, /Withdraw my signature/)).toContain('withdrawn')
  expect((await home('en')).count).toBe(before.count)
  expect(await listed('en', name)).toBe(false)
  await page.close()
})

test('German, without JavaScript: the form still works, waits for moderation, the dashboard counts it, approved it is listed; withdrawn it is gone', async () => {
  const name = `Jörg Bienert ${Date.now()}`
  const email = `joerg-${Date.now()}@example.org`
  const before = await home('de')
  const page = await withoutScript.newPage()
  await page.goto(`${server.url}/de/declaration`)
  await page.getByRole('link', { name: 'Jetzt unterzeichnen' }).click()
  await page.waitForURL(`${server.url}/de/declaration/sign`)

  // Without JavaScript a refusal comes back as the form, filled in as it was sent, naming the
  // exact reason as the JavaScript form does; the address is in no URL.
  await fillForm(page, { name: 'Jörg www.bienert.example', email, kind: 'organization' })
  await page.fill('#field-roleTitle', 'Vorstand')
  await page.check('input[name="display"][value="counted"]')
  await page.check('input[name="consentToUpdates"]')
  await page.getByRole('button', { name: 'Unterzeichnen' }).click()
  await page.waitForURL(/\/de\/declaration\/sign\?error=fields&fields=name/)
  expect(page.url()).not.toContain(encodeURIComponent(email))
  expect(page.url()).not.toContain(email)
  await page.locator('#sign-errors', { hasText: 'Bitte prüfen Sie Ihre Angaben' }).waitFor()
  await page.locator('#sign-errors', { hasText: 'Name darf keine Links enthalten' }).waitFor()
  await page.locator('#name-error', { hasText: 'Name darf keine Links enthalten' }).waitFor()
  expect(await page.inputValue('#field-name')).toBe('Jörg www.bienert.example')
  expect(await page.inputValue('#field-email')).toBe(email)
  expect(await page.inputValue('#field-organization')).toBe('Web.de')
  expect(await page.inputValue('#field-roleTitle')).toBe('Vorstand')
  expect(await page.inputValue('#field-sector')).toBe('research')
  expect(await page.inputValue('#field-country')).toBe('DE')
  expect(await page.isChecked('input[name="kind"][value="organization"]')).toBe(true)
  expect(await page.isChecked('input[name="display"][value="counted"]')).toBe(true)
  expect(await page.isChecked('input[name="consentToUpdates"]')).toBe(true)
  await screenshot(page, 'de-sign-refused-without-javascript')

  // Only the name needs another look.
  await page.fill('#field-name', name)
  await page.check('input[name="kind"][value="person"]')
  await page.check('input[name="display"][value="named"]')
  await page.getByRole('button', { name: 'Unterzeichnen' }).click()
  await page.waitForURL(`${server.url}/de/declaration/sign/sent`)
  const mail = await server.mail.waitFor((m) => m.to.includes(email))
  expect(mail.language).toBe('de')
  expect(mail.subject).toBe('Bitte bestätigen Sie Ihre Unterschrift')

  const confirmLink = `${server.url}/de/declaration/confirm?token=${tokenIn(mail.text, 'confirm')}`
  expect(await follow(page, confirmLink, /Unterschrift bestätigen/)).toContain(
    'Die Redaktion prüft sie',
  )
  expect((await home('de')).count).toBe(before.count)

  // The editors see it on the dashboard and approve it.
  const admin = await withScript.newPage()
  await admin.goto(`${server.url}/admin/login`)
  await admin.fill('input[name="email"]', server.admin.email)
  await admin.fill('input[name="password"]', server.admin.password)
  await admin.click('button[type="submit"]')
  await admin.waitForURL(`${server.url}/admin`)
  await admin.locator('[data-moderation-count="1"]').waitFor()
  await screenshot(admin, 'signing-dashboard-moderation')
  const found = (await (
    await fetch(`${server.url}/api/signatories?where[status][equals]=awaiting-moderation&depth=0`, {
      headers: { Authorization: `JWT ${adminToken}` },
    })
  ).json()) as { docs: { id: string; displayName: string }[] }
  const waiting = found.docs.find((d) => d.displayName === name)!
  // The signature's page in the admin offers the signer's data for an access request.
  await admin.goto(`${server.url}/admin/collections/signatories/${waiting.id}`)
  const download = admin.getByRole('link', { name: /Alle Daten dieser Person|Download all data/ })
  const href = await download.getAttribute('href')
  const data = await fetch(`${server.url}${href}`, {
    headers: { Authorization: `JWT ${adminToken}` },
  })
  expect(data.status).toBe(200)
  expect(await data.text()).toContain(email)
  const approved = await fetch(`${server.url}/api/signatories/${waiting.id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${adminToken}` },
    body: JSON.stringify({ status: 'approved', verified: true }),
  })
  expect(approved.status).toBe(200)
  expect((await home('de')).count).toBe(before.count + 1)
  expect(await listed('de', name)).toBe(true)
  await admin.close()

  const withdraw = `${server.url}/de/declaration/withdraw?token=${tokenIn(mail.text, 'withdraw')}`
  expect(await follow(page, withdraw, /Unterschrift zurückziehen/)).toContain('Daten sind gelöscht')
  expect((await home('de')).count).toBe(before.count)
  expect(await listed('de', name)).toBe(false)
  // The address went into no log line either.
  expect(server.output()).not.toContain(email)
  await page.close()
})

/** Whether the page's second read is a cache hit and it holds the subscribe form. */
async function cachedWithForm(path: string): Promise<{ cache: string | null; form: boolean }> {
  await fetch(`${server.url}${path}`)
  const response = await fetch(`${server.url}${path}`)
  const html = await response.text()
  return {
    cache: response.headers.get('x-cache'),
    form: html.includes('action="/api/subscribers/subscribe"'),
  }
}

/** Waits until the subscribe form holds its stamp and the solved proof of work. */
async function subscribeFormFilledIn(page: Page, timeout?: number): Promise<void> {
  await page.waitForFunction(
    () =>
      (document.querySelector('form.subscribe-form input[name="formToken"]') as HTMLInputElement)
        ?.value &&
      (document.querySelector('form.subscribe-form input[name="altcha"]') as HTMLInputElement)
        ?.value,
    undefined,
    { timeout },
  )
}

/** Subscribes on `path` in `context`, follows the mail's confirmation; the status text. */
async function subscribeOn(
  context: BrowserContext,
  path: string,
  email: string,
  labels: { email: RegExp; submit: RegExp; confirm: RegExp },
  withProof: boolean,
): Promise<string> {
  const page = await context.newPage()
  await page.goto(`${server.url}${path}`)
  const form = page.locator('form.subscribe-form')
  await form.getByLabel(labels.email).fill(email)
  if (withProof) {
    // The cached page's form gets its own stamp and challenge once someone types, and the
    // browser solves the challenge while they do.
    await subscribeFormFilledIn(page)
  }
  await form.getByRole('button', { name: labels.submit }).click()
  await page.locator('[role="status"][data-result="sent"]').waitFor()
  // axe runs in the page: only where JavaScript runs.
  if (withProof) expect(await seriousViolations(page)).toEqual([])
  const mail = await server.mail.waitFor((m) => m.to.includes(email))
  const link = /https?:\/\/\S+\/updates\/confirm\?token=\S+/.exec(mail.text)![0]
  const result = await follow(page, link, labels.confirm)
  await page.close()
  return result
}

test('the subscribe form of the home, news and declaration pages: with JavaScript in English, without in German; the pages stay cache hits', async () => {
  for (const path of ['/de', '/en', '/de/news', '/en/news', '/de/declaration', '/en/declaration']) {
    expect({ path, ...(await cachedWithForm(path)) }).toEqual({ path, cache: 'HIT', form: true })
  }
  const en = { email: /E-mail address/, submit: /Subscribe/, confirm: /Confirm my subscription/ }
  const de = { email: /E-Mail-Adresse/, submit: /Abonnieren/, confirm: /Abonnement bestätigen/ }
  // Each locale with and without JavaScript, on each page that holds the form.
  const runs = [
    { context: withScript, path: '/en/news', labels: en, proof: true, done: 'Confirmed' },
    {
      context: withoutScript,
      path: '/en/declaration',
      labels: en,
      proof: false,
      done: 'Confirmed',
    },
    { context: withScript, path: '/de/declaration', labels: de, proof: true, done: 'Bestätigt' },
    { context: withoutScript, path: '/de', labels: de, proof: false, done: 'Bestätigt' },
  ]
  const expected: string[] = []
  const addresses: string[] = []
  for (const [i, run] of runs.entries()) {
    const email = `reader-${i}-${Date.now()}@example.org`
    addresses.push(email)
    expected.push(`active ${run.path.slice(1, 3)}`)
    const result = await subscribeOn(run.context, run.path, email, run.labels, run.proof)
    expect(result).toContain(run.done)
  }
  const languages = await Promise.all(
    addresses.map(async (email) => {
      const res = await fetch(
        `${server.url}/api/subscribers?where[email][equals]=${encodeURIComponent(email)}`,
        { headers: { Authorization: `JWT ${adminToken}` } },
      )
      const doc = ((await res.json()) as { docs: { status: string; language: string }[] }).docs[0]
      return `${doc?.status} ${doc?.language}`
    }),
  )
  expect(languages).toEqual(expected)
  // Subscribing changed nothing public: the pages are still hits.
  expect((await cachedWithForm('/de')).cache).toBe('HIT')
  expect((await cachedWithForm('/en/news')).cache).toBe('HIT')
})

test("a reader who types in the subscribe form before the page's script runs still gets a stamp and a challenge", async () => {
  const page = await withScript.newPage()
  // Hold the page's scripts until the address is typed, as on a slow line or a busy phone.
  let release!: () => void
  const typed = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/_next/static/chunks/**/*.js', async (route) => {
    await typed
    await route.continue()
  })
  await page.goto(`${server.url}/en/news`, { waitUntil: 'domcontentloaded' })
  const form = page.locator('form.subscribe-form')
  await form.getByLabel(/E-mail address/).fill(`early-${Date.now()}@example.org`)
  expect(await form.getAttribute('data-enhanced')).toBeNull()
  release()
  await subscribeFormFilledIn(page, 15_000)
  await page.close()
})

test('a subscribe form whose parts were refused (503) asks once, then again after the pause the portal asked for', async () => {
  const page = await withScript.newPage()
  const asked: number[] = []
  await page.route('**/api/subscribers/form', async (route) => {
    asked.push(Date.now())
    if (asked.length > 1) return route.continue()
    await route.fulfill({
      status: 503,
      headers: { 'Retry-After': '3', 'Content-Type': 'application/json' },
      body: JSON.stringify({ errors: [{ message: 'busy' }] }),
    })
  })
  await page.goto(`${server.url}/en/news`)
  const field = page.locator('form.subscribe-form').getByLabel(/E-mail address/)
  await page.locator('form.subscribe-form[data-enhanced]').waitFor()
  // Typed key by key while the refusal's pause runs: no request per key.
  await field.pressSequentially('busy-moment@example.org')
  expect(asked).toHaveLength(1)
  // A keystroke after the pause asks again, and the form gets its parts.
  await page.waitForTimeout(Math.max(0, asked[0]! + 3_100 - Date.now()))
  await field.press('End')
  await field.pressSequentially('g')
  await subscribeFormFilledIn(page, 15_000)
  expect(asked).toHaveLength(2)
  await page.close()
})

/**
 * A colleague's signature without JavaScript, as a plain form post from `office` (express
 * trusts the loopback proxy's X-Forwarded-For): the form's token from a render of the page.
 */
async function signedFromOffice(office: string, n: number): Promise<number> {
  const headers = { 'X-Forwarded-For': office }
  const html = await (await fetch(`${server.url}/en/declaration/sign`, { headers })).text()
  const formToken = /name="formToken" value="([^"]+)"/.exec(html)![1]!
  const answer = await fetch(`${server.url}/api/signatories/sign`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      formToken,
      kind: 'person',
      name: `Kollegin ${n}`,
      email: `kollegin-${n}-${Date.now()}@institut.example`,
      organization: 'Ein Institut',
      sector: 'research',
      country: 'DE',
      display: 'named',
      locale: 'en',
    }).toString(),
  })
  return answer.status
}

test('an institute behind one address: past its threshold the browser does the harder proof of work, and the signature counts without moderation', async () => {
  const office = '198.51.100.24'
  // Ten colleagues signed from the institute's address this hour: its threshold.
  for (let n = 1; n <= 10; n++) expect(await signedFromOffice(office, n)).toBe(303)

  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': office } })
  const page = await context.newPage()
  // What the portal answered each send of the form: its status and the work factor it asked for.
  type Body = { errors?: { challenge?: { parameters?: { data?: { factor?: number } } } }[] }
  // The body is read only of a refusal: the page moves on after an accepted form, and the body
  // of an answer to a page that moved on may never be read.
  const answers: Promise<{ status: number; factor?: number }>[] = []
  page.on('response', (response) => {
    if (!response.url().includes('/api/signatories/sign')) return
    const status = response.status()
    answers.push(
      status === 400
        ? response.json().then(
            (body: Body) => ({
              status,
              factor: body.errors?.[0]?.challenge?.parameters?.data?.factor,
            }),
            () => ({ status }),
          )
        : Promise.resolve({ status }),
    )
  })

  const email = `elfte-${Date.now()}@institut.example`
  await page.goto(`${server.url}/en/declaration/sign`)
  await page.locator('form[data-enhanced]').waitFor()
  await fillForm(page, { name: 'Die elfte Kollegin', email, kind: 'person' })
  await page.waitForFunction(
    () => (document.querySelector('input[name="altcha"]') as HTMLInputElement | null)?.value,
  )
  await page.getByRole('button', { name: 'Sign' }).click()
  await page.waitForURL(`${server.url}/en/declaration/sign/sent`)
  // Asked for twice the work, then accepted with it.
  expect(await Promise.all(answers)).toEqual([{ status: 400, factor: 2 }, { status: 200 }])

  const mail = await server.mail.waitFor((m) => m.to.includes(email))
  const confirmLink = `${server.url}/en/declaration/confirm?token=${tokenIn(mail.text, 'confirm')}`
  expect(await follow(page, confirmLink, /Confirm my signature/)).toContain('confirmed')
  const name = encodeURIComponent('Die elfte Kollegin')
  const stored = (await (
    await fetch(`${server.url}/api/signatories?where[displayName][equals]=${name}&depth=0`, {
      headers: { Authorization: `JWT ${adminToken}` },
    })
  ).json()) as { docs: { status: string }[] }
  // A signature with the proof the portal asked for: listed at once, not waiting for moderation.
  expect(stored.docs.map((d) => d.status)).toEqual(['approved'])
  expect(await listed('en', 'Die elfte Kollegin')).toBe(true)
  await context.close()
})
