import fs from 'node:fs'

import { fromRoot } from '@/core/paths'

import type { RichTextItem } from './richText'

/** A value written in both languages. */
export type Localized<T> = { de: T; en: T }

export type SeedOrganization = {
  slug: string
  name: string
  shortName?: string
  kind: string
  country?: string
  website?: string
  description: Localized<RichTextItem[]>
}
export type SeedPerson = {
  slug: string
  name: string
  honorific?: string
  organization?: string
  initiator: boolean
  roleTitle: Localized<string>
  bio: Localized<RichTextItem[]>
}
export type SeedPrinciple = {
  position: number
  title: Localized<string>
  summary: Localized<string>
  body: Localized<RichTextItem[]>
}
export type SeedProject = {
  slug: string
  title: Localized<string>
  organization: string
  partners: string[]
  status: string
  funding: { funder: string }
  principles: number[]
  summary: Localized<string>
  body: Localized<RichTextItem[]>
}
export type SeedEvent = {
  slug: string
  title: Localized<string>
  startsAt: string
  city: string
  country: string
  organizers: string[]
  hosts: string[]
  supporters: string[]
  participants: { count: number; kind: string }
  description: Localized<RichTextItem[]>
}
export type SeedSignatory = {
  displayName: string
  kind: string
  organization: string
  sector: string
  country: string
  signedAt: string
  status: 'approved'
  consentToDisplay: boolean
}
export type SeedNews = {
  slug: string
  publishedAt: string
  organizations: string[]
  projects?: string[]
  principles: number[]
  tags: string[]
  title: Localized<string>
  excerpt: Localized<string>
  body: Localized<RichTextItem[]>
}
export type SeedDeclaration = {
  title: Localized<string>
  subtitle: Localized<string>
  signedOn: string
  place: string
  initiators: string[]
  principles: number[]
  body: Localized<RichTextItem[]>
  callToAction: Localized<string>
  privacyNotice: Localized<string>
}
export type SeedSite = {
  name: string
  tagline: Localized<string>
  navigation: { link: string; label: Localized<string> }[]
  footerLinks: { label: string; url: string }[]
}

export type SeedContent = {
  organizations: SeedOrganization[]
  people: SeedPerson[]
  principles: SeedPrinciple[]
  projects: SeedProject[]
  events: SeedEvent[]
  signatories: SeedSignatory[]
  news: SeedNews[]
  declaration: SeedDeclaration
  site: SeedSite
}

const read = <T>(name: string): T =>
  JSON.parse(fs.readFileSync(fromRoot('src/data/seed/data', `${name}.json`), 'utf8')) as T

/** The initiative's content as it stands, from the JSON files in src/data/seed/data. */
export function loadSeedContent(): SeedContent {
  return {
    organizations: read('organizations'),
    people: read('people'),
    principles: read('principles'),
    projects: read('projects'),
    events: read('events'),
    signatories: read('signatories'),
    news: read('news'),
    declaration: read('declaration'),
    site: read('site'),
  }
}
