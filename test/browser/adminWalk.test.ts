/**
 * The whole admin walked as an admin, an editor and a partner, in German and English: the
 * dashboard and its links, every collection's list and first document, the trash with a trashed
 * document, the review comparison. Fails on any 4xx or 5xx, console error, uncaught page error,
 * string of the other admin language or date in the other language's format (test/helpers/
 * adminWalk.ts). Screenshots of every view go to test-results/screenshots/admin-walk-*.
 *
 * The admin opens every view as a fresh page load, so each view's server HTML and hydration are
 * checked in both languages; the editor and the partner move through the admin as people do,
 * by its client-side navigation after their dashboard's load (a fresh load costs Chromium about
 * 2.5 CPU-seconds, and this file was a quarter of the suite's time).
 */
import { jest } from '@jest/globals'
import type { Browser } from 'playwright-core'

import { headerProblems } from '../helpers/adminLayout'
import type { Language } from '../helpers/adminStrings'
import { walkAdmin, walkerFor, type Walker } from '../helpers/adminWalk'
import { launchChromium } from '../helpers/browser'
import {
  loginToken,
  startProductionServer,
  type ProductionServer,
} from '../helpers/productionServer'

jest.setTimeout(170_000)

let server: ProductionServer
let browser: Browser
const walkers: Walker[] = []

const users = {
  admin: { email: 'admin@test.example', password: 'test-admin-password-1' },
  editor: { email: 'editor@walk.example', password: 'editor-password-123' },
  partner: { email: 'partner@walk.example', password: 'partner-password-123' },
}
type Role = keyof typeof users

async function api(path: string, token: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}/api${path}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const firstId = async (token: string, collection: string, slug: string) =>
  (
    (await api(`/${collection}?where[slug][equals]=${slug}&depth=0`, token)).body.docs as {
      id: string
    }[]
  )[0]!.id

/**
 * What the walk needs to find: an editor and a partner, a partner submission waiting for review
 * (with a published version to compare it with) and a news item in the trash.
 */
async function prepare() {
  const admin = await loginToken(server)
  const organization = await firstId(admin, 'organizations', 'fraunhofer-iais')
  for (const role of ['editor', 'partner'] as const) {
    const created = await api('/users', admin, {
      method: 'POST',
      body: JSON.stringify({
        ...users[role],
        name: role === 'editor' ? 'Erika Redaktion' : 'Paul Partner',
        role,
        ...(role === 'partner' ? { organization } : {}),
      }),
    })
    expect(created.status).toBe(201)
  }
  const partner = await loginToken(server, users.partner)
  const soofi = await firstId(admin, 'projects', 'soofi')
  const submitted = await api(`/projects/${soofi}?draft=true`, partner, {
    method: 'PATCH',
    body: JSON.stringify({
      summary: 'Die Partnerin ergänzt die Kurzfassung.',
      _status: 'draft',
      review: { state: 'in-review' },
    }),
  })
  expect(submitted.status).toBe(200)
  // A person the editors sent back with a note: the partner's dashboard shows it.
  const person = await firstId(admin, 'people', 'nicolas-flores-herr')
  for (const [token, review] of [
    [partner, { state: 'in-review' }],
    [admin, { state: 'changes-requested', note: 'Bitte die Funktion ergänzen.' }],
  ] as const) {
    const step = await api(`/people/${person}?draft=true`, token, {
      method: 'PATCH',
      body: JSON.stringify({ _status: 'draft', review }),
    })
    expect(step.status).toBe(200)
  }
  const news = await firstId(admin, 'news', 'wie-es-weitergeht-kraefte-buendeln')
  const trashed = await api(`/news/${news}`, admin, {
    method: 'PATCH',
    body: JSON.stringify({ deletedAt: new Date().toISOString() }),
  })
  expect(trashed.status).toBe(200)
}

beforeAll(async () => {
  server = await startProductionServer()
  await prepare()
  browser = await launchChromium()
}, 120_000)
afterAll(async () => {
  for (const walker of walkers) await walker.context.close()
  await browser?.close()
  await server?.stop()
})

const roles: Role[] = ['admin', 'editor', 'partner']

/** One role's walk in one language; what it found, for the record and the assertion. */
async function walk(role: Role, language: Language): Promise<string[]> {
  const navigation = role === 'admin' ? 'load' : 'client'
  const walker = await walkerFor(browser, server, users[role], language, { navigation })
  walkers.push(walker)
  const visited = await walkAdmin(walker, `admin-walk-${language}-${role}`)
  process.stderr.write(
    `\nadmin walk ${role} ${language}: ${visited.length} views, ${walker.problems.length} problems` +
      `\n${walker.problems.map((p) => `  ${p}`).join('\n')}\n`,
  )
  await walker.context.close()
  const tooFew = visited.length < (role === 'partner' ? 8 : 20)
  return [
    ...walker.problems.map((problem) => `${role}: ${problem}`),
    ...(tooFew ? [`${role} ${language}: only ${visited.length} views`] : []),
  ]
}

/** Walks at once: more only slows the server down (two cores, and another test file beside). */
const AT_ONCE = 3

/**
 * Every role in both languages, three walks at a time from one queue, longest first: the admin's
 * walk is two and a half times the partner's, so walking per language left two browsers idle
 * while the admin's went on (and the language's test ran past its timeout on a loaded machine).
 */
test('the admin walked as admin, editor and partner in de and en', async () => {
  const queue = roles.flatMap((role) =>
    (['de', 'en'] as const).map((language) => ({ role, language })),
  )
  const problems: string[] = []
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      problems.push(...(await walk(next.role, next.language)).map((p) => `${next!.language} ${p}`))
    }
  }
  await Promise.all(Array.from({ length: AT_ONCE }, worker))
  expect(problems).toEqual([])
  // A guard against a hang, not a speed bound: 190 s alone, about 370 s beside the other browser
  // files on two cores.
}, 600_000)

test.each(['de', 'en'] as const)(
  "the partner's document header holds the review controls at 1280, 1440 and 390 px (%s)",
  async (language) => {
    const walker = await walkerFor(browser, server, users.partner, language)
    walkers.push(walker)
    const { page } = walker
    const admin = await loginToken(server)
    const soofi = await firstId(admin, 'projects', 'soofi')
    const person = await firstId(admin, 'people', 'nicolas-flores-herr')
    const found: string[] = []
    for (const path of [
      `/admin/collections/projects/${soofi}`,
      `/admin/collections/people/${person}`,
    ]) {
      for (const width of [1280, 1440, 390]) {
        await page.setViewportSize({ width, height: width > 400 ? 900 : 844 })
        await walker.visit(path, `admin-header-${language}-${width}`)
        for (const problem of await headerProblems(page))
          found.push(`${width}px ${path}: ${problem}`)
      }
    }
    expect(found).toEqual([])
    expect(walker.problems).toEqual([])
    await walker.context.close()
  },
)
