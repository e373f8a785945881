/**
 * Writes the large data set through Payload's local API, so every document is a real one: hooks,
 * validation, both locales and a published version, exactly as an editor's would be. What makes
 * it fast enough is one transaction per chunk (a commit per chunk instead of per write) and the
 * `seeding` context, which hooks use to skip per-document side work.
 */
import { createLocalReq, type CollectionSlug, type Payload, type RequestContext } from 'payload'

import { toLexical, type RichTextItem } from '../richText'
import {
  largeCounts,
  largePrefix,
  largeSlug,
  newsItem,
  organization,
  person,
  project,
  type LargeCollection,
} from './generate'

type Locale = 'de' | 'en'
type Data = Record<string, unknown>
type Ids = Record<LargeCollection, Map<string, string>> & { principles: Map<number, string> }

const context: RequestContext = { seeding: true, disableRevalidate: true }
// Documents per transaction: a commit per chunk instead of per write; an interrupted run loses
// at most one chunk, which the next run writes again.
const CHUNK = 500

/** What one generated item becomes: fields for both locales, and the German/English ones. */
type Document = { slug: string; shared: Data; localized: Record<Locale, Data> }

export type Progress = (line: string) => void

/** slug → ID of the generated documents already in the database (drafts included). */
async function existing(payload: Payload, collection: LargeCollection) {
  const found = await payload.find({
    collection,
    where: { slug: { like: `${largePrefix}${collection}-` } },
    select: { slug: true },
    depth: 0,
    pagination: false,
    draft: true,
    overrideAccess: true,
    // Trashed documents keep their slugs: they exist and are not written again.
    trash: true,
  })
  return new Map(found.docs.map((doc) => [String(doc.slug), String(doc.id)]))
}

function idOf(map: Map<string, string>, slug: string): string {
  const id = map.get(slug)
  if (!id) throw new Error(`large seed: ${slug} is missing; run the earlier collections first`)
  return id
}

const minutes = (seconds: number) =>
  seconds >= 60
    ? `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`
    : `${Math.round(seconds)}s`

/** Creates (German) and completes (English) the missing items of one collection, chunk by chunk. */
async function writeCollection(
  payload: Payload,
  collection: LargeCollection,
  build: (index: number) => Document,
  ids: Ids,
  log: Progress,
) {
  const total = largeCounts[collection]
  const have = ids[collection]
  const missing = Array.from({ length: total }, (_, i) => i).filter(
    (i) => !have.has(largeSlug(collection, i)),
  )
  if (missing.length === 0) {
    log(`seed:large: ${collection}: all ${total} there`)
    return 0
  }
  log(`seed:large: ${collection}: ${have.size} there, writing ${missing.length}`)
  const started = Date.now()
  let written = 0
  for (let offset = 0; offset < missing.length; offset += CHUNK) {
    const req = await createLocalReq({ context }, payload)
    const transactionID = await payload.db.beginTransaction()
    if (transactionID) req.transactionID = transactionID
    try {
      for (const index of missing.slice(offset, offset + CHUNK)) {
        const doc = build(index)
        const created = await payload.create({
          collection: collection as CollectionSlug,
          locale: 'de',
          data: { ...doc.shared, ...doc.localized.de, _status: 'published' } as never,
          context,
          req,
        })
        await payload.update({
          collection: collection as CollectionSlug,
          id: created.id,
          locale: 'en',
          data: { ...doc.localized.en, _status: 'published' } as never,
          context,
          req,
        })
        have.set(doc.slug, String(created.id))
        written++
      }
      if (transactionID) await payload.db.commitTransaction(transactionID)
    } catch (error) {
      if (transactionID) await payload.db.rollbackTransaction(transactionID)
      throw error
    }
    const seconds = (Date.now() - started) / 1000
    const rate = written / seconds
    const left = (missing.length - written) / rate
    log(
      `seed:large: ${collection}: ${have.size}/${total} (${Math.round((100 * have.size) / total)}%) · ` +
        `${rate.toFixed(1)} docs/s · ETA ${minutes(left)}`,
    )
  }
  return written
}

const byLocale = (fields: (locale: Locale) => Data): Record<Locale, Data> => ({
  de: fields('de'),
  en: fields('en'),
})

const rich = (items: RichTextItem[], people: Map<string, string>) =>
  toLexical(items, (slug) => idOf(people, slug))

/** The IDs the generated documents refer to, looked up by what the generator names. */
function references(ids: Ids) {
  return {
    org: (i: number) => idOf(ids.organizations, organization(i).slug),
    who: (i: number) => idOf(ids.people, person(i).slug),
    principle: (position: number) => {
      const id = ids.principles.get(position)
      if (!id) throw new Error(`large seed: principle ${position} is missing; run npm run seed`)
      return id
    },
  }
}
type References = ReturnType<typeof references>

function organizationDocument(ids: Ids, i: number): Document {
  const o = organization(i)
  const { description, ...shared } = o
  return {
    slug: o.slug,
    shared,
    localized: byLocale((l) => ({ description: rich(description[l], ids.people) })),
  }
}

function personDocument(ids: Ids, refs: References, i: number): Document {
  const p = person(i)
  return {
    slug: p.slug,
    shared: { slug: p.slug, name: p.name, organization: refs.org(p.organization) },
    localized: byLocale((l) => ({ roleTitle: p.roleTitle[l], bio: rich(p.bio[l], ids.people) })),
  }
}

function projectDocument(ids: Ids, refs: References, i: number): Document {
  const p = project(i)
  return {
    slug: p.slug,
    shared: {
      slug: p.slug,
      status: p.status,
      organization: refs.org(p.organization),
      partners: p.partners.map(refs.org),
      people: p.people.map(refs.who),
      funding: { funder: refs.org(p.funder) },
      principles: p.principles.map(refs.principle),
      review: { state: 'approved' },
    },
    localized: byLocale((l) => ({
      title: p.title[l],
      summary: p.summary[l],
      body: rich(p.body[l], ids.people),
    })),
  }
}

function newsDocument(ids: Ids, refs: References, i: number): Document {
  const n = newsItem(i)
  return {
    slug: n.slug,
    shared: {
      slug: n.slug,
      publishedAt: n.publishedAt,
      authors: n.authors.map(refs.who),
      organizations: n.organizations.map(refs.org),
      projects: n.projects.map((p) => idOf(ids.projects, project(p).slug)),
      principles: n.principles.map(refs.principle),
      tags: n.tags,
    },
    localized: byLocale((l) => ({
      title: n.title[l],
      excerpt: n.excerpt[l],
      body: rich(n.body[l], ids.people),
    })),
  }
}

function builders(ids: Ids): Record<LargeCollection, (index: number) => Document> {
  const refs = references(ids)
  return {
    organizations: (i) => organizationDocument(ids, i),
    people: (i) => personDocument(ids, refs, i),
    projects: (i) => projectDocument(ids, refs, i),
    news: (i) => newsDocument(ids, refs, i),
  }
}

/**
 * Tops the database up to the large data set: writes what is missing (matched by generated slug),
 * leaves everything else alone, and reports how many it wrote per collection.
 */
export async function seedLarge(payload: Payload, log: Progress): Promise<Record<string, number>> {
  const principles = await payload.find({
    collection: 'principles',
    depth: 0,
    pagination: false,
    select: { position: true },
    overrideAccess: true,
  })
  if (principles.docs.length === 0) throw new Error('large seed: no principles; run npm run seed')
  const ids = {
    principles: new Map(principles.docs.map((p) => [Number(p.position), String(p.id)])),
  } as Ids
  for (const collection of Object.keys(largeCounts) as LargeCollection[]) {
    ids[collection] = await existing(payload, collection)
  }
  const build = builders(ids)
  const written: Record<string, number> = {}
  // In order of reference: people belong to organizations, projects have people, news all three.
  for (const collection of ['organizations', 'people', 'projects', 'news'] as const) {
    written[collection] = await writeCollection(payload, collection, build[collection], ids, log)
  }
  return written
}
