import type { CollectionSlug, Payload, RequestContext } from 'payload'

import { loadSeedContent, type Localized, type SeedContent } from './content'
import { toLexical, type RichTextItem } from './richText'

type Locale = 'de' | 'en'
type Data = Record<string, unknown>
type Id = string

/** Hooks can tell seeding apart (e.g. to skip notifications or cache work). */
const context: RequestContext = { seeding: true, disableRevalidate: true }

/** IDs of what exists, by the key the seed data refers to things with. */
type Refs = {
  organizations: Map<string, Id>
  people: Map<string, Id>
  principles: Map<number, Id>
  projects: Map<string, Id>
}

type Step<T> = {
  collection: CollectionSlug
  items: T[]
  /** The field and value that identify an item already in the database. */
  match: (item: T) => { field: string; value: string | number }
  shared: (item: T, refs: Refs) => Data
  localized: (item: T, locale: Locale, refs: Refs) => Data
  remember?: (item: T, id: Id, refs: Refs) => void
}

export type SeedReport = { created: Record<string, number>; kept: Record<string, number> }

const lookup =
  <K>(map: Map<K, Id>, what: string) =>
  (key: K) => {
    const id = map.get(key)
    if (!id) throw new Error(`Seed data refers to unknown ${what} "${String(key)}"`)
    return id
  }

function richText(items: Localized<RichTextItem[]>, locale: Locale, refs: Refs) {
  return toLexical(items[locale], lookup(refs.people, 'person'))
}

const hasDrafts = (payload: Payload, collection: CollectionSlug) =>
  Boolean(payload.collections[collection]?.config.versions?.drafts)

async function seedCollection<T>(
  payload: Payload,
  step: Step<T>,
  refs: Refs,
  report: SeedReport,
  log: (line: string) => void,
) {
  const drafts = hasDrafts(payload, step.collection)
  const status = drafts ? { _status: 'published' } : {}
  let created = 0
  let kept = 0
  for (const item of step.items) {
    const { field, value } = step.match(item)
    // A seeded document an editor moved into the trash still holds its slug (or position): it
    // counts as there, stays in the trash, and is not created again beside it.
    const found = await payload.find({
      collection: step.collection,
      where: { [field]: { equals: value } },
      limit: 1,
      depth: 0,
      pagination: false,
      draft: drafts,
      trash: Boolean(payload.collections[step.collection]?.config.trash),
    })
    let id = found.docs[0]?.id as Id | undefined
    if (id) {
      kept++
    } else {
      const doc = await payload.create({
        collection: step.collection,
        locale: 'de',
        data: {
          ...step.shared(item, refs),
          ...step.localized(item, 'de', refs),
          ...status,
        } as never,
        context,
      })
      id = doc.id as Id
      await payload.update({
        collection: step.collection,
        id,
        locale: 'en',
        data: { ...step.localized(item, 'en', refs), ...status } as never,
        context,
      })
      created++
    }
    step.remember?.(item, id, refs)
  }
  report.created[step.collection] = created
  report.kept[step.collection] = kept
  log(`seed: ${step.collection}: ${created} created, ${kept} already there`)
}

function steps(content: SeedContent) {
  const organizations: Step<SeedContent['organizations'][number]> = {
    collection: 'organizations',
    items: content.organizations,
    match: (o) => ({ field: 'slug', value: o.slug }),
    shared: ({ slug, name, shortName, kind, country, website }) => ({
      slug,
      name,
      shortName,
      kind,
      country,
      website,
    }),
    localized: (o, locale, refs) => ({ description: richText(o.description, locale, refs) }),
    remember: (o, id, refs) => refs.organizations.set(o.slug, id),
  }
  const people: Step<SeedContent['people'][number]> = {
    collection: 'people',
    items: content.people,
    match: (p) => ({ field: 'slug', value: p.slug }),
    shared: (p, refs) => ({
      slug: p.slug,
      name: p.name,
      honorific: p.honorific,
      initiator: p.initiator,
      organization: p.organization
        ? lookup(refs.organizations, 'organization')(p.organization)
        : null,
    }),
    localized: (p, locale, refs) => ({
      roleTitle: p.roleTitle[locale],
      bio: richText(p.bio, locale, refs),
    }),
    remember: (p, id, refs) => refs.people.set(p.slug, id),
  }
  const principles: Step<SeedContent['principles'][number]> = {
    collection: 'principles',
    items: content.principles,
    match: (p) => ({ field: 'position', value: p.position }),
    shared: (p) => ({ position: p.position }),
    localized: (p, locale, refs) => ({
      title: p.title[locale],
      summary: p.summary[locale],
      body: richText(p.body, locale, refs),
    }),
    remember: (p, id, refs) => refs.principles.set(p.position, id),
  }
  const projects: Step<SeedContent['projects'][number]> = {
    collection: 'projects',
    items: content.projects,
    match: (p) => ({ field: 'slug', value: p.slug }),
    shared: (p, refs) => {
      const org = lookup(refs.organizations, 'organization')
      return {
        slug: p.slug,
        organization: org(p.organization),
        partners: p.partners.map(org),
        status: p.status,
        funding: { funder: org(p.funding.funder) },
        principles: p.principles.map(lookup(refs.principles, 'principle')),
        review: { state: 'approved' },
      }
    },
    localized: (p, locale, refs) => ({
      title: p.title[locale],
      summary: p.summary[locale],
      body: richText(p.body, locale, refs),
    }),
    remember: (p, id, refs) => refs.projects.set(p.slug, id),
  }
  const events: Step<SeedContent['events'][number]> = {
    collection: 'events',
    items: content.events,
    match: (e) => ({ field: 'slug', value: e.slug }),
    shared: (e, refs) => {
      const org = lookup(refs.organizations, 'organization')
      const person = lookup(refs.people, 'person')
      return {
        slug: e.slug,
        startsAt: e.startsAt,
        city: e.city,
        country: e.country,
        organizers: e.organizers.map(org),
        hosts: e.hosts.map(person),
        supporters: e.supporters.map(org),
        participants: e.participants,
      }
    },
    localized: (e, locale, refs) => ({
      title: e.title[locale],
      description: richText(e.description, locale, refs),
    }),
  }
  const signatories: Step<SeedContent['signatories'][number]> = {
    collection: 'signatories',
    items: content.signatories,
    match: (s) => ({ field: 'displayName', value: s.displayName }),
    shared: (s, refs) => ({
      ...s,
      organization: lookup(refs.organizations, 'organization')(s.organization),
    }),
    localized: () => ({}),
  }
  const news: Step<SeedContent['news'][number]> = {
    collection: 'news',
    items: content.news,
    match: (n) => ({ field: 'slug', value: n.slug }),
    shared: (n, refs) => ({
      slug: n.slug,
      publishedAt: n.publishedAt,
      organizations: n.organizations.map(lookup(refs.organizations, 'organization')),
      projects: (n.projects ?? []).map(lookup(refs.projects, 'project')),
      principles: n.principles.map(lookup(refs.principles, 'principle')),
      tags: n.tags,
    }),
    localized: (n, locale, refs) => ({
      title: n.title[locale],
      excerpt: n.excerpt[locale],
      body: richText(n.body, locale, refs),
    }),
  }
  return [organizations, people, principles, projects, events, signatories, news] as Step<unknown>[]
}

async function seedDeclaration(payload: Payload, content: SeedContent, refs: Refs) {
  const current = await payload.findGlobal({
    slug: 'declaration',
    depth: 0,
    draft: true,
    locale: 'de',
  })
  if (current.title) return false
  const d = content.declaration
  const shared = {
    signedOn: d.signedOn,
    place: d.place,
    initiators: d.initiators.map(lookup(refs.people, 'person')),
    principles: d.principles.map(lookup(refs.principles, 'principle')),
  }
  for (const locale of ['de', 'en'] as const) {
    await payload.updateGlobal({
      slug: 'declaration',
      locale,
      context,
      data: {
        ...(locale === 'de' ? shared : {}),
        title: d.title[locale],
        subtitle: d.subtitle[locale],
        body: richText(d.body, locale, refs) as never,
        callToAction: d.callToAction[locale],
        privacyNotice: d.privacyNotice[locale],
        _status: 'published',
      },
    })
  }
  return true
}

async function seedSite(payload: Payload, content: SeedContent) {
  const current = await payload.findGlobal({ slug: 'site', depth: 0, locale: 'de' })
  if (current.name) return false
  const s = content.site
  const german = await payload.updateGlobal({
    slug: 'site',
    locale: 'de',
    context,
    data: {
      name: s.name,
      tagline: s.tagline.de,
      navigation: s.navigation.map((n) => ({ link: n.link, label: n.label.de })),
      footerLinks: s.footerLinks,
    },
  })
  // Navigation rows are shared between locales: the English labels go onto the same rows.
  await payload.updateGlobal({
    slug: 'site',
    locale: 'en',
    context,
    data: {
      tagline: s.tagline.en,
      navigation: (german.navigation ?? []).map((row, index) => ({
        id: row.id,
        link: row.link,
        label: s.navigation[index]?.label.en ?? row.label,
      })),
    },
  })
  return true
}

/**
 * Writes the initiative's content into the database: creates what is missing (matched by slug,
 * position or name) and never touches what exists, so editors' changes survive and a second run
 * changes nothing.
 */
export async function seed(
  payload: Payload,
  { log = (line: string) => payload.logger.info(line) }: { log?: (line: string) => void } = {},
): Promise<SeedReport> {
  const content = loadSeedContent()
  const refs: Refs = {
    organizations: new Map(),
    people: new Map(),
    principles: new Map(),
    projects: new Map(),
  }
  const report: SeedReport = { created: {}, kept: {} }
  for (const step of steps(content)) await seedCollection(payload, step, refs, report, log)
  const declaration = await seedDeclaration(payload, content, refs)
  report.created.declaration = Number(declaration)
  report.kept.declaration = Number(!declaration)
  log(`seed: declaration: ${declaration ? 'written' : 'already there'}`)
  const site = await seedSite(payload, content)
  report.created.site = Number(site)
  report.kept.site = Number(!site)
  log(`seed: site: ${site ? 'written' : 'already there'}`)
  return report
}
