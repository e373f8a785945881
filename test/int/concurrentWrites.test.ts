import type { Payload } from 'payload'

import { graphql, rest, startPayload, stopPayload } from '../helpers/api'
import { createUser, type TestUser } from '../helpers/users'

/**
 * Several people save at the same moment: two editors, an autosave, a partner, the job runner.
 * Each save is one write transaction; SQLite has one writer at a time, so a save must wait for
 * the one in flight instead of failing with SQLITE_BUSY (a 500 the editor would see).
 */
let payload: Payload
let editor: TestUser
let otherEditor: TestUser
let existing: string[]

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
  otherEditor = await createUser(payload, 'editor')
  existing = []
  for (const i of [0, 1, 2, 3]) {
    const doc = await payload.create({ collection: 'news', data: { title: `Vorhanden ${i}` } })
    existing.push(String(doc.id))
  }
})
afterAll(() => stopPayload(payload))

type Outcome = { what: string; status: number; detail: string }

async function restWrite(
  what: string,
  method: 'POST' | 'PATCH',
  path: string,
  token: string,
  body: Record<string, unknown>,
): Promise<Outcome> {
  const response = await rest(method, path, { token, body })
  return { what, status: response.status, detail: JSON.stringify(response.body.errors ?? '') }
}

async function graphqlCreate(title: string, token: string): Promise<Outcome> {
  const result = await graphql<{ createNewsItem: { id: string } | null }>(
    'mutation ($title: String!) { createNewsItem(data: { title: $title }) { id } }',
    { title },
    { token },
  )
  const ok = result.status === 200 && !result.errors && result.data?.createNewsItem?.id
  return {
    what: `graphql create ${title}`,
    status: ok ? 200 : result.status === 200 ? 500 : result.status,
    detail: JSON.stringify(result.errors ?? ''),
  }
}

async function localCreate(title: string): Promise<Outcome> {
  try {
    await payload.create({ collection: 'news', data: { title } })
    return { what: `local create ${title}`, status: 201, detail: '' }
  } catch (error) {
    return { what: `local create ${title}`, status: 500, detail: String(error) }
  }
}

async function failedLogin(email: string): Promise<Outcome> {
  // Payload counts the failed attempt with a write outside any transaction.
  const response = await rest('POST', '/users/login', {
    body: { email, password: 'not the password' },
  })
  return { what: 'failed login', status: response.status, detail: JSON.stringify(response.body) }
}

async function runJobs(): Promise<Outcome> {
  try {
    await payload.jobs.run()
    return { what: 'job runner', status: 200, detail: '' }
  } catch (error) {
    return { what: 'job runner', status: 500, detail: String(error) }
  }
}

async function titleOf(id: string): Promise<string | null | undefined> {
  const doc = await payload.findByID({ collection: 'news', id, draft: true, depth: 0 })
  return doc.title
}

test('simultaneous saves all succeed and all land in the database', async () => {
  const run = Math.random().toString(36).slice(2, 8)
  const created = Array.from({ length: 5 }, (_, i) => `Gleichzeitig ${run} REST ${i}`)
  const viaGraphql = Array.from({ length: 3 }, (_, i) => `Gleichzeitig ${run} GraphQL ${i}`)
  const viaLocal = Array.from({ length: 2 }, (_, i) => `Gleichzeitig ${run} lokal ${i}`)
  const renamed = existing.slice(0, 3).map((id, i) => ({ id, title: `Umbenannt ${run} ${i}` }))
  const contended = existing[3]!
  const contendedTitles = [0, 1, 2].map((i) => `Umstritten ${run} ${i}`)
  const tagline = `Claim ${run}`
  // A scheduled publish that is due, so the job runner publishes it amid the saves.
  const scheduled = await payload.create({
    collection: 'news',
    draft: true,
    data: { title: `Geplant ${run}`, _status: 'draft' },
  })
  await payload.jobs.queue({
    task: 'schedulePublish',
    waitUntil: new Date(Date.now() - 1000),
    input: { type: 'publish', doc: { relationTo: 'news', value: String(scheduled.id) } },
  })

  const outcomes = await Promise.all([
    ...created.map((title, i) =>
      restWrite(`rest create ${title}`, 'POST', '/news', (i % 2 ? otherEditor : editor).token, {
        title,
      }),
    ),
    ...viaGraphql.map((title) => graphqlCreate(title, otherEditor.token)),
    ...viaLocal.map((title) => localCreate(title)),
    ...renamed.map(({ id, title }) =>
      restWrite(`rest update ${id}`, 'PATCH', `/news/${id}`, editor.token, { title }),
    ),
    // Two editors and an autosave on the same document.
    restWrite('same doc, editor', 'PATCH', `/news/${contended}`, editor.token, {
      title: contendedTitles[0],
    }),
    restWrite('same doc, other editor', 'PATCH', `/news/${contended}`, otherEditor.token, {
      title: contendedTitles[1],
    }),
    restWrite(
      'same doc, autosave',
      'PATCH',
      `/news/${contended}?draft=true&autosave=true`,
      editor.token,
      { title: contendedTitles[2] },
    ),
    restWrite('global site', 'POST', '/globals/site?locale=de', otherEditor.token, { tagline }),
    runJobs(),
    failedLogin(editor.email),
  ])

  const unexpected = outcomes.filter((outcome) =>
    outcome.what === 'failed login' ? outcome.status !== 401 : ![200, 201].includes(outcome.status),
  )
  expect(unexpected).toEqual([])

  for (const title of [...created, ...viaGraphql, ...viaLocal]) {
    const { totalDocs } = await payload.count({
      collection: 'news',
      where: { title: { equals: title } },
    })
    expect({ title, totalDocs }).toEqual({ title, totalDocs: 1 })
  }
  for (const { id, title } of renamed) expect(await titleOf(id)).toBe(title)
  expect(contendedTitles).toContain(await titleOf(contended))
  const site = await payload.findGlobal({ slug: 'site', locale: 'de' })
  expect(site.tagline).toBe(tagline)
  const published = await payload.findByID({ collection: 'news', id: scheduled.id, depth: 0 })
  expect(published._status).toBe('published')
  const { loginAttempts } = await payload.findByID({
    collection: 'users',
    id: editor.user.id,
    showHiddenFields: true,
  })
  expect(loginAttempts).toBe(1)
})
