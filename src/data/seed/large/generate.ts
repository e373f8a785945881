/**
 * The large data set's items, made up from word lists by a seeded random generator: the same
 * index always gives the same item, so a second run can tell what is there and top up the rest.
 * Items refer to each other by index; the writer turns indexes into database IDs.
 */
import type { Localized } from '../content'
import type { RichTextItem } from '../richText'

export const largeCounts = {
  organizations: 300,
  people: 2000,
  projects: 1000,
  news: 10_000,
} as const

export type LargeCollection = keyof typeof largeCounts

/** Every generated slug starts so; nothing hand-made does. */
export const largePrefix = 'large-'

export const largeSlug = (collection: LargeCollection, index: number) =>
  `${largePrefix}${collection}-${String(index + 1).padStart(5, '0')}`

/** Mulberry32: small, fast and good enough to spread links and words evenly. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (below: number) => Math.floor(next() * below)
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!
  /** `count` distinct indexes below `below`. */
  const distinct = (count: number, below: number) => {
    const chosen = new Set<number>()
    while (chosen.size < Math.min(count, below)) chosen.add(int(below))
    return [...chosen]
  }
  return { int, pick, distinct }
}

const collectionSeed: Record<LargeCollection, number> = {
  organizations: 1,
  people: 2,
  projects: 3,
  news: 4,
}
const rng = (collection: LargeCollection, index: number) =>
  random(collectionSeed[collection] * 1_000_003 + index)

const topics = [
  { de: 'Sprachmodelle', en: 'language models' },
  { de: 'Rechenzentren', en: 'data centres' },
  { de: 'offene Daten', en: 'open data' },
  { de: 'Robotik', en: 'robotics' },
  { de: 'Medizin', en: 'medicine' },
  { de: 'Energienetze', en: 'energy grids' },
  { de: 'Mobilität', en: 'mobility' },
  { de: 'Landwirtschaft', en: 'agriculture' },
  { de: 'Bildung', en: 'education' },
  { de: 'Verwaltung', en: 'public administration' },
  { de: 'Klimaforschung', en: 'climate research' },
  { de: 'Sicherheit', en: 'security' },
] as const
const qualities = [
  { de: 'Offene', en: 'Open' },
  { de: 'Europäische', en: 'European' },
  { de: 'Vertrauenswürdige', en: 'Trustworthy' },
  { de: 'Souveräne', en: 'Sovereign' },
  { de: 'Effiziente', en: 'Efficient' },
  { de: 'Mehrsprachige', en: 'Multilingual' },
] as const
const newsKinds = [
  { de: 'Workshop zu', en: 'Workshop on' },
  { de: 'Neue Ergebnisse:', en: 'New results:' },
  { de: 'Förderung für', en: 'Funding for' },
  { de: 'Konferenzbericht:', en: 'Conference report:' },
  { de: 'Partner gesucht für', en: 'Partners wanted for' },
] as const
const firstNames = ['Anna', 'Ben', 'Clara', 'David', 'Elif', 'Farid', 'Greta', 'Hannes', 'Ines']
const lastNames = ['Bauer', 'Costa', 'Dubois', 'Eriksson', 'Fischer', 'García', 'Horvat', 'Jansen']
const cities = ['Berlin', 'München', 'Paris', 'Amsterdam', 'Madrid', 'Wien', 'Prag', 'Lyon', 'Gent']
const countries = ['DE', 'FR', 'NL', 'ES', 'AT', 'CZ', 'BE', 'IT', 'SE', 'PL']
const orgKinds = ['research', 'industry', 'startup', 'association', 'public-funder', 'other']
const statuses = ['planned', 'active', 'completed'] as const
const tags = ['workshop', 'forschung', 'open-source', 'infrastruktur', 'foerderung', 'daten']
const roles = [
  { de: 'Leiterin Forschung', en: 'Head of research' },
  { de: 'Geschäftsführer', en: 'Managing director' },
  { de: 'Wissenschaftlerin', en: 'Researcher' },
  { de: 'Projektleiter', en: 'Project lead' },
] as const

const paragraph = (
  r: ReturnType<typeof random>,
  topic: Localized<string>,
  locale: 'de' | 'en',
  n: number,
) =>
  locale === 'de'
    ? `Abschnitt ${n}: Die Partner berichten über ihre Arbeit zu ${topic.de} in ${r.pick(cities)}. ` +
      'Sie teilen Modelle, Daten und Erfahrungen offen, damit andere darauf aufbauen können.'
    : `Section ${n}: the partners report on their work on ${topic.en} in ${r.pick(cities)}. ` +
      'They share models, data and experience openly, so that others can build on them.'

export type LargeOrganization = {
  slug: string
  name: string
  shortName: string
  kind: string
  country: string
  website: string
  description: Localized<RichTextItem[]>
}

export function organization(index: number): LargeOrganization {
  const r = rng('organizations', index)
  const topic = r.pick(topics)
  const city = r.pick(cities)
  const name = `${city} ${topic.en.replace(/^./, (c) => c.toUpperCase())} Lab ${index + 1}`
  return {
    slug: largeSlug('organizations', index),
    name,
    shortName: `${city.slice(0, 3).toUpperCase()}-${index + 1}`,
    kind: r.pick(orgKinds),
    country: r.pick(countries),
    website: `https://org-${index + 1}.example.org`,
    description: {
      de: [paragraph(r, topic, 'de', 1)],
      en: [paragraph(r, topic, 'en', 1)],
    },
  }
}

export type LargePerson = {
  slug: string
  name: string
  organization: number
  roleTitle: Localized<string>
  bio: Localized<RichTextItem[]>
}

export function person(index: number): LargePerson {
  const r = rng('people', index)
  const role = r.pick(roles)
  const topic = r.pick(topics)
  return {
    slug: largeSlug('people', index),
    name: `${r.pick(firstNames)} ${r.pick(lastNames)} ${index + 1}`,
    organization: r.int(largeCounts.organizations),
    roleTitle: { de: role.de, en: role.en },
    bio: { de: [paragraph(r, topic, 'de', 1)], en: [paragraph(r, topic, 'en', 1)] },
  }
}

export type LargeProject = {
  slug: string
  title: Localized<string>
  summary: Localized<string>
  body: Localized<RichTextItem[]>
  status: string
  organization: number
  partners: number[]
  people: number[]
  funder: number
  /** Positions of the seeded principles (1–4). */
  principles: number[]
}

export function project(index: number): LargeProject {
  const r = rng('projects', index)
  const quality = r.pick(qualities)
  const topic = r.pick(topics)
  return {
    slug: largeSlug('projects', index),
    title: {
      de: `${quality.de} ${topic.de} ${index + 1}`,
      en: `${quality.en} ${topic.en} ${index + 1}`,
    },
    summary: {
      de: `Ein Verbundprojekt zu ${topic.de}, offen für neue Partner.`,
      en: `A joint project on ${topic.en}, open to new partners.`,
    },
    body: {
      de: [1, 2, 3].map((n) => paragraph(r, topic, 'de', n)),
      en: [1, 2, 3].map((n) => paragraph(r, topic, 'en', n)),
    },
    status: r.pick(statuses),
    organization: r.int(largeCounts.organizations),
    partners: r.distinct(1 + r.int(4), largeCounts.organizations),
    people: r.distinct(1 + r.int(5), largeCounts.people),
    funder: r.int(largeCounts.organizations),
    principles: r.distinct(1 + r.int(3), 4).map((p) => p + 1),
  }
}

export type LargeNews = {
  slug: string
  title: Localized<string>
  excerpt: Localized<string>
  /** Paragraphs, and now and then a quote of the first author. */
  body: Localized<RichTextItem[]>
  publishedAt: string
  authors: number[]
  organizations: number[]
  projects: number[]
  principles: number[]
  tags: string[]
}

const newsStart = Date.UTC(2016, 0, 1)
const newsEnd = Date.UTC(2025, 9, 31)

export function newsItem(index: number): LargeNews {
  const r = rng('news', index)
  const kind = r.pick(newsKinds)
  const topic = r.pick(topics)
  const authors = r.distinct(1 + r.int(2), largeCounts.people)
  const quote = index % 5 === 0
  const quoted = largeSlug('people', authors[0]!)
  const paragraphs = (locale: 'de' | 'en') => [1, 2, 3].map((n) => paragraph(r, topic, locale, n))
  return {
    slug: largeSlug('news', index),
    title: {
      de: `${kind.de} ${topic.de} (${index + 1})`,
      en: `${kind.en} ${topic.en} (${index + 1})`,
    },
    excerpt: {
      de: `Was es Neues zu ${topic.de} gibt.`,
      en: `What is new in ${topic.en}.`,
    },
    body: {
      de: [
        ...paragraphs('de'),
        ...(quote ? [{ quote: quoted, text: 'Gemeinsam kommen wir weiter.' }] : []),
      ],
      en: [
        ...paragraphs('en'),
        ...(quote ? [{ quote: quoted, text: 'Together we get further.' }] : []),
      ],
    },
    // Spread evenly over ten years, oldest first, so sorting by date has real work to do.
    publishedAt: new Date(
      newsStart + Math.floor(((newsEnd - newsStart) * index) / largeCounts.news),
    ).toISOString(),
    authors,
    organizations: r.distinct(1 + r.int(2), largeCounts.organizations),
    projects: r.distinct(r.int(3), largeCounts.projects),
    principles: r.distinct(1 + r.int(2), 4).map((p) => p + 1),
    tags: r.distinct(2, tags.length).map((t) => tags[t]!),
  }
}
