import type { CollectionSlug } from 'payload'

import type { Localized, SeedContent } from './content'
import { toLexical, type RichTextItem } from './richText'

export type Locale = 'de' | 'en'
export type Data = Record<string, unknown>
export type Id = string

/** IDs of what exists, by the key the seed data refers to things with. */
export type Refs = {
  organizations: Map<string, Id>
  people: Map<string, Id>
  principles: Map<number, Id>
  projects: Map<string, Id>
}

export type Step<T> = {
  collection: CollectionSlug
  items: T[]
  /** The field and value that identify an item already in the database. */
  match: (item: T) => { field: string; value: string | number }
  shared: (item: T, refs: Refs) => Data
  localized: (item: T, locale: Locale, refs: Refs) => Data
  remember?: (item: T, id: Id, refs: Refs) => void
}

export const lookup =
  <K>(map: Map<K, Id>, what: string) =>
  (key: K) => {
    const id = map.get(key)
    if (!id) throw new Error(`Seed data refers to unknown ${what} "${String(key)}"`)
    return id
  }

export function richText(items: Localized<RichTextItem[]>, locale: Locale, refs: Refs) {
  return toLexical(items[locale], lookup(refs.people, 'person'))
}

const organizations = (content: SeedContent): Step<SeedContent['organizations'][number]> => ({
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
})

const people = (content: SeedContent): Step<SeedContent['people'][number]> => ({
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
})

const principles = (content: SeedContent): Step<SeedContent['principles'][number]> => ({
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
})

const projects = (content: SeedContent): Step<SeedContent['projects'][number]> => ({
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
})

const events = (content: SeedContent): Step<SeedContent['events'][number]> => ({
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
})

const signatories = (content: SeedContent): Step<SeedContent['signatories'][number]> => ({
  collection: 'signatories',
  items: content.signatories,
  match: (s) => ({ field: 'displayName', value: s.displayName }),
  shared: (s, refs) => ({
    ...s,
    organization: lookup(refs.organizations, 'organization')(s.organization),
  }),
  localized: () => ({}),
})

const news = (content: SeedContent): Step<SeedContent['news'][number]> => ({
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
})

/** What the seed writes, in the order its references need. */
export const steps = (content: SeedContent) =>
  [organizations, people, principles, projects, events, signatories, news].map((step) =>
    step(content),
  ) as Step<unknown>[]
