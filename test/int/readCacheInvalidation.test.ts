import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import type { CollectionSlug, GlobalSlug, Payload } from 'payload'

import { UNSEEN_COLLECTIONS } from '@/data/changes/invalidation'
import { READ_METHODS } from '@/data/adapter/readMethods'
import { WRITE_METHODS } from '@/data/adapter/writeMethods'
import { invalidateReadCache } from '@/data/changes/changeLog'

import { rest, startPayload, stopPayload } from '../helpers/api'
import { cacheSize, postGraphQL, startCacheServer, type CacheServer } from '../helpers/cacheServer'
import { idBySlug } from '../helpers/fixtures'
import { createUser, type TestUser } from '../helpers/users'

let payload: Payload
let server: CacheServer
let editor: TestUser

beforeAll(async () => {
  payload = await startPayload()
  editor = await createUser(payload, 'editor')
  server = await startCacheServer(payload)
})
afterAll(async () => {
  await server.close()
  await stopPayload(payload)
})
beforeEach(() => invalidateReadCache())

type Locale = 'de' | 'en'

/** Something the public reads, and how to write it: one text field, per locale when localized. */
type Target = {
  name: string
  collection?: CollectionSlug
  global?: GlobalSlug
  id?: string
  field: string
  drafts: boolean
  /** The GraphQL type and its mutation name. */
  /** The GraphQL type, its update input, and what that input requires besides the field. */
  graphql: { one: string; input: string; required?: Record<string, unknown> }
  read: string
}

async function targets(): Promise<Target[]> {
  const news = await idBySlug(payload, 'news', 'wie-es-weitergeht-kraefte-buendeln')
  const principle = (await payload.find({ collection: 'principles', limit: 1, depth: 0 })).docs[0]!
  const signatory = (await payload.find({ collection: 'signatories', limit: 1, depth: 0 })).docs[0]!
  const site = await payload.findGlobal({ slug: 'site' })
  return [
    {
      name: 'news item',
      collection: 'news',
      id: news,
      field: 'title',
      drafts: true,
      graphql: { one: 'NewsItem', input: 'mutationNewsItemUpdateInput' },
      read: `query ($locale: LocaleInputType) { NewsItem(id: "${news}", locale: $locale) { value: title } }`,
    },
    {
      name: 'news list',
      collection: 'news',
      id: news,
      field: 'title',
      drafts: true,
      graphql: { one: 'NewsItem', input: 'mutationNewsItemUpdateInput' },
      read: `query ($locale: LocaleInputType) { News(locale: $locale, where: { id: { equals: "${news}" } }) { docs { value: title } } }`,
    },
    {
      name: 'principle',
      collection: 'principles',
      id: String(principle.id),
      field: 'title',
      drafts: true,
      graphql: { one: 'Principle', input: 'mutationPrincipleUpdateInput' },
      read: `query ($locale: LocaleInputType) { Principle(id: "${principle.id}", locale: $locale) { value: title } }`,
    },
    {
      name: 'signatory',
      collection: 'signatories',
      id: String(signatory.id),
      field: 'displayName',
      drafts: false,
      graphql: { one: 'Signatory', input: 'mutationSignatoryUpdateInput' },
      read: `query ($locale: LocaleInputType) { Signatory(id: "${signatory.id}", locale: $locale) { value: displayName } }`,
    },
    {
      name: 'site global',
      global: 'site',
      field: 'tagline',
      drafts: false,
      graphql: { one: 'Site', input: 'mutationSiteInput', required: { name: site.name } },
      read: 'query ($locale: LocaleInputType) { Site(locale: $locale) { value: tagline } }',
    },
    {
      name: 'declaration global',
      global: 'declaration',
      field: 'title',
      drafts: true,
      graphql: { one: 'Declaration', input: 'mutationDeclarationInput' },
      read: 'query ($locale: LocaleInputType) { Declaration(locale: $locale) { value: title } }',
    },
  ]
}

/** The value an anonymous reader gets through the cache, and whether it was a hit. */
async function publicValue(
  target: Target,
  locale: Locale,
): Promise<{ value: unknown; cache: string | null }> {
  const answer = await postGraphQL(server.base, target.read, { locale })
  const data = JSON.parse(answer.text).data as Record<
    string,
    { value?: unknown; docs?: { value: unknown }[] }
  >
  const found = Object.values(data)[0]!
  return { value: found.docs ? found.docs[0]?.value : found.value, cache: answer.cache }
}

type Channel = 'REST' | 'GraphQL' | 'local' | 'job'

/** Publishes `value` through one channel, as an editor (or the job runner). */
async function publish(target: Target, locale: Locale, value: string, channel: Channel) {
  const data = { [target.field]: value, ...(target.drafts ? { _status: 'published' } : {}) }
  if (channel === 'REST') {
    const path = target.global ? `/globals/${target.global}` : `/${target.collection}/${target.id}`
    const res = await rest(target.global ? 'POST' : 'PATCH', `${path}?locale=${locale}`, {
      token: editor.token,
      body: data,
    })
    if (res.status !== 200) throw new Error(`REST ${res.status} ${JSON.stringify(res.body)}`)
  } else if (channel === 'GraphQL') {
    const { one, input, required } = target.graphql
    const mutation = target.global
      ? `mutation ($data: ${input}!, $locale: LocaleInputType) { update${one}(data: $data, locale: $locale) { updatedAt } }`
      : `mutation ($data: ${input}!, $locale: LocaleInputType) { update${one}(id: "${target.id}", data: $data, locale: $locale) { id } }`
    const res = await postGraphQL(
      server.base,
      mutation,
      { data: { ...required, ...data }, locale },
      { Authorization: `JWT ${editor.token}` },
    )
    if (JSON.parse(res.text).errors) throw new Error(`GraphQL ${res.text}`)
  } else if (channel === 'local') {
    if (target.global)
      await payload.updateGlobal({ slug: target.global, locale, data: data as never })
    else
      await payload.update({
        collection: target.collection!,
        id: target.id!,
        locale,
        data: data as never,
      })
  } else {
    // What the admin's "schedule publish" does (news only): the content is saved as a draft,
    // and a job publishes it when its time has come (already, here).
    if (target.collection !== 'news') throw new Error(`${target.name} has no scheduled publishing`)
    await saveDraft(target, locale, value)
    await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1000),
      input: { type: 'publish', doc: { relationTo: 'news', value: target.id! }, locale },
    })
    await payload.jobs.run()
  }
}

async function saveDraft(target: Target, locale: Locale, value: string) {
  const data = { [target.field]: value }
  if (target.global)
    await payload.updateGlobal({ slug: target.global, locale, draft: true, data: data as never })
  else
    await payload.update({
      collection: target.collection!,
      id: target.id!,
      locale,
      draft: true,
      data: data as never,
    })
}

test('200 publishes, each followed at once by an anonymous read: never a stale answer', async () => {
  const all = await targets()
  const channels: Channel[] = ['REST', 'GraphQL', 'local', 'job']
  const stale: string[] = []
  let hitsBeforeWrite = 0
  for (let i = 0; i < 200; i++) {
    const target = all[i % all.length]!
    const locale: Locale = Math.floor(i / all.length) % 2 === 0 ? 'de' : 'en'
    let channel = channels[Math.floor(i / (all.length * 2)) % channels.length]!
    // Scheduled publishing exists for news only.
    if (channel === 'job' && target.collection !== 'news') channel = 'local'

    // The answer is in the cache before the write.
    const before = await publicValue(target, locale)
    if ((await publicValue(target, locale)).cache === 'HIT') hitsBeforeWrite++

    // A draft save never changes what the public gets.
    if (target.drafts && channel !== 'job') {
      await saveDraft(target, locale, `draft ${i}`)
      const during = await publicValue(target, locale)
      if (during.value !== before.value) stale.push(`#${i} ${target.name}: draft became public`)
    }

    const value = `${target.name} ${locale} #${i} via ${channel}`
    await publish(target, locale, value, channel)
    const after = await publicValue(target, locale)
    if (after.value !== value) {
      stale.push(`#${i} ${target.name} ${locale} via ${channel}: got "${String(after.value)}"`)
    }
  }
  expect(stale).toEqual([])
  // Every read before a write was a hit: the test checked a cached answer each time.
  expect(hitsBeforeWrite).toBe(200)
}, 300_000)

test('reads racing writes never leave or serve anything older than the last acknowledged write', async () => {
  const all = await targets()
  const site = all.find((t) => t.global === 'site')!
  const news = all.find((t) => t.name === 'news item')!
  const writes = 40
  let acknowledged = -1
  let writing = true
  const violations: string[] = []

  const versionOf = (value: unknown) => Number(/#(\d+)$/.exec(String(value))?.[1] ?? -1)
  async function reader(target: Target, locale: Locale) {
    while (writing) {
      const floor = acknowledged
      const { value } = await publicValue(target, locale)
      if (versionOf(value) < floor)
        violations.push(
          `${target.name}: read #${versionOf(value)} after #${floor} was acknowledged`,
        )
    }
  }
  async function writer() {
    const channels: Channel[] = ['REST', 'GraphQL', 'local']
    try {
      for (let i = 0; i < writes; i++) {
        // One writer (SQLite takes one write transaction at a time), alternating targets and
        // channels; each write runs in the transaction its operation opens.
        await publish(site, 'de', `site #${i}`, channels[i % 3]!)
        await publish(news, 'de', `news #${i}`, channels[(i + 1) % 3]!)
        acknowledged = i
      }
    } finally {
      writing = false
    }
  }
  await Promise.all([
    writer(),
    reader(site, 'de'),
    reader(site, 'de'),
    reader(news, 'de'),
    reader(news, 'de'),
  ])
  expect(violations).toEqual([])

  // Whatever the cache holds now is what the database says.
  const truth = {
    site: (await payload.findGlobal({ slug: 'site', locale: 'de' })).tagline,
    news: (await payload.findByID({ collection: 'news', id: news.id!, locale: 'de' })).title,
  }
  expect(truth).toEqual({ site: `site #${writes - 1}`, news: `news #${writes - 1}` })
  expect((await publicValue(site, 'de')).value).toBe(truth.site)
  expect((await publicValue(news, 'de')).value).toBe(truth.news)
}, 180_000)

test('invalidation takes effect after the commit, not only when Payload runs its hooks', async () => {
  const news = (await targets()).find((t) => t.name === 'news item')!
  const before = (await publicValue(news, 'de')).value
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  // The write happens inside a transaction that someone else will commit, as a nested operation
  // or a hook does: Payload's afterChange hooks have run when this returns.
  await payload.update({
    collection: 'news',
    id: news.id!,
    locale: 'de',
    data: { title: 'committed later', _status: 'published' },
    req,
  })
  // Until the commit the public still reads the old title, and the cache may keep it…
  expect((await publicValue(news, 'de')).value).toBe(before)
  expect(await publicValue(news, 'de')).toEqual({ value: before, cache: 'HIT' })
  await commitTransaction(req)
  // …but not a moment after the commit.
  expect(await publicValue(news, 'de')).toEqual({ value: 'committed later', cache: 'MISS' })

  const rolledBack = await createLocalReq({}, payload)
  await initTransaction(rolledBack)
  await payload.update({
    collection: 'news',
    id: news.id!,
    locale: 'de',
    data: { title: 'never committed', _status: 'published' },
    req: rolledBack,
  })
  await killTransaction(rolledBack)
  expect((await publicValue(news, 'de')).value).toBe('committed later')
})

test('a write to a collection the public cannot see leaves the cache alone', async () => {
  const news = (await targets()).find((t) => t.name === 'news item')!
  await publicValue(news, 'de')
  const held = cacheSize()
  expect(held.entries).toBe(1)
  await payload.create({
    collection: 'payload-preferences',
    user: { ...editor.user, collection: 'users' },
    data: {
      key: 'nav',
      value: { open: true },
      user: { relationTo: 'users', value: editor.user.id },
    },
  })
  expect(cacheSize()).toEqual(held)
  expect(UNSEEN_COLLECTIONS.has('payload-preferences')).toBe(true)
  // A write the public could see clears it.
  await payload.update({
    collection: 'news',
    id: news.id!,
    data: { title: 'published anew', _status: 'published' },
  })
  expect(cacheSize().entries).toBe(0)
})

test('writes that cannot change a public read leave cached answers in place', async () => {
  const all = await targets()
  const cached = async () => {
    for (const target of all) await publicValue(target, 'de')
    return cacheSize()
  }
  const held = await cached()
  expect(held.entries).toBe(all.length)
  const unchanged = (what: string) =>
    expect(`${what}: ${JSON.stringify(cacheSize())}`).toBe(`${what}: ${JSON.stringify(held)}`)

  // Logins, failed logins and reset requests write to users (sessions, counters, tokens).
  expect(
    (
      await rest('POST', '/users/login', {
        body: { email: editor.email, password: editor.password },
      })
    ).status,
  ).toBe(200)
  unchanged('a login')
  expect(
    (await rest('POST', '/users/login', { body: { email: editor.email, password: 'wrong' } }))
      .status,
  ).toBe(401)
  unchanged('a failed login')
  await rest('POST', '/users/forgot-password', { body: { email: editor.email } })
  unchanged('a reset request')
  // Draft saves and autosaves of every drafted target, and a new document created as a draft.
  for (const target of all.filter((t) => t.drafts)) {
    await saveDraft(target, 'de', `draft of ${target.name}`)
    unchanged(`a draft save of the ${target.name}`)
  }
  const news = all.find((t) => t.name === 'news item')!
  const autosave = await rest('PATCH', `/news/${news.id}?autosave=true&draft=true`, {
    token: editor.token,
    body: { title: 'typed' },
  })
  expect(autosave.status).toBe(200)
  unchanged('an autosave')
  await payload.create({
    collection: 'news',
    data: { title: 'Nur ein Entwurf', _status: 'draft' },
    draft: true,
  })
  unchanged('a new draft')
  // And the drafts stayed drafts: what the cache holds is still what the public gets.
  invalidateReadCache()
  for (const target of all) {
    const fresh = await publicValue(target, 'de')
    expect(fresh.value).not.toMatch(/^draft of|typed/)
  }
})

/**
 * Methods of the adapters that neither write nor read documents (reads are READ_METHODS): transaction and
 * connection lifecycle, schema and migration tools (run before the server serves), and SQLite's
 * low-level helpers, which only run inside the wrapped write methods or migrations.
 */
const NOT_WRITES = new Set([
  'beginTransaction',
  'commitTransaction',
  'rollbackTransaction',
  'connect',
  'destroy',
  'init',
  'countDistinct',
  'createMigration',
  'generateSchema',
  'migrate',
  'migrateDown',
  'migrateFresh',
  'migrateRefresh',
  'migrateReset',
  'migrateStatus',
  'dropDatabase',
  'execute',
  'insert',
  'deleteWhere',
  'createJSONQuery',
  'convertPathToJSONTraversal',
  'requireDrizzleKit',
  'resolveInitializing',
  'rejectInitializing',
])

test('every method of the database adapter is wrapped as a write, observed as a read, or known to be neither', () => {
  const methods = new Set<string>()
  for (
    let object: object | null = payload.db;
    object && object !== Object.prototype;
    object = Object.getPrototypeOf(object)
  ) {
    for (const name of Object.getOwnPropertyNames(object)) {
      if (typeof (payload.db as unknown as Record<string, unknown>)[name] === 'function')
        methods.add(name)
    }
  }
  const known = new Set<string>([...WRITE_METHODS, ...READ_METHODS, ...NOT_WRITES])
  const unclassified = [...methods].filter((name) => !known.has(name) && name !== 'constructor')
  expect(unclassified).toEqual([])
})

describe('an entry is removed by a change to what it read, and only by that', () => {
  const ARTICLE = `query ($id: String!) { NewsItem(id: $id, locale: de) { title authors { id name } } }`
  const EVENTS = `{ Events(locale: de, limit: 50) { docs { title } } }`
  const SITE = `{ Site(locale: de) { tagline } }`

  /** A published article with a published author (the seed's news name none). */
  async function article() {
    const news = await idBySlug(payload, 'news', 'wie-es-weitergeht-kraefte-buendeln')
    const person = (
      await payload.find({
        collection: 'people',
        where: { _status: { equals: 'published' } },
        depth: 0,
        limit: 1,
      })
    ).docs[0]!
    await payload.update({
      collection: 'news',
      id: news,
      data: { authors: [person.id], _status: 'published' } as never,
    })
    return { news, author: String(person.id) }
  }

  const read = async (query: string, variables: Record<string, unknown> = {}) => {
    const answer = await postGraphQL(server.base, query, variables)
    expect(answer.status).toBe(200)
    return { data: JSON.parse(answer.text).data, cache: answer.cache }
  }

  test.each<Channel>(['REST', 'GraphQL', 'local'])(
    'publishing the person an article shows refreshes the article and leaves events and the site cached (%s)',
    async (channel) => {
      const { news, author } = await article()
      await read(ARTICLE, { id: news })
      await read(EVENTS)
      await read(SITE)
      expect((await read(ARTICLE, { id: news })).cache).toBe('HIT')

      const name = `Renamed via ${channel}`
      const person: Target = {
        name: 'person',
        collection: 'people',
        id: author,
        field: 'name',
        drafts: true,
        graphql: { one: 'Person', input: 'mutationPersonUpdateInput' },
        read: '',
      }
      await publish(person, 'de', name, channel)

      const after = await read(ARTICLE, { id: news })
      expect(after.cache).toBe('MISS')
      expect(after.data.NewsItem.authors.map((a: { name: string }) => a.name)).toContain(name)
      expect((await read(EVENTS)).cache).toBe('HIT')
      expect((await read(SITE)).cache).toBe('HIT')
    },
  )

  test('a new event refreshes the event list and leaves the article cached; the site global only its readers', async () => {
    const { news } = await article()
    await read(ARTICLE, { id: news })
    await read(EVENTS)
    await read(SITE)

    const res = await rest('POST', '/events', {
      token: editor.token,
      body: {
        title: 'Neue Veranstaltung',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        _status: 'published',
      },
    })
    expect(res.status).toBe(201)
    const events = await read(EVENTS)
    expect(events.cache).toBe('MISS')
    expect(events.data.Events.docs.map((e: { title: string }) => e.title)).toContain(
      'Neue Veranstaltung',
    )
    expect((await read(ARTICLE, { id: news })).cache).toBe('HIT')

    await payload.updateGlobal({ slug: 'site', locale: 'de', data: { tagline: 'Neu' } as never })
    expect(await read(SITE)).toEqual({ data: { Site: { tagline: 'Neu' } }, cache: 'MISS' })
    expect((await read(ARTICLE, { id: news })).cache).toBe('HIT')
    expect((await read(EVENTS)).cache).toBe('HIT')
  })
})
