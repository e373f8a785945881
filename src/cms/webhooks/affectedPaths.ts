import { paths } from '@/cms/documentPaths'
import type { Locale } from '@/core/locales'
import type { WebhookSource } from '@/operations/webhooks/events'

/**
 * The portal's own pages a change of each collection or global affects (docs/webhooks.md): the
 * pages that list it or show it. Pages that show a document through a relationship (an article
 * naming its author) are not listed here; its cache tags find them.
 */
const affected: Record<WebhookSource, (locale: Locale, slug?: string | null) => string[]> = {
  news: (l, slug) => [
    paths.home(l),
    paths.news(l),
    paths.feed(l),
    ...bySlug(slug, (s) => paths.newsItem(l, s)),
  ],
  projects: (l, slug) => [
    paths.home(l),
    paths.projects(l),
    ...bySlug(slug, (s) => paths.project(l, s)),
  ],
  principles: (l) => [paths.home(l), paths.declaration(l)],
  events: (l, slug) => [paths.home(l), paths.events(l), ...bySlug(slug, (s) => paths.event(l, s))],
  people: (l, slug) => [paths.people(l), ...bySlug(slug, (s) => paths.person(l, s))],
  organizations: (l) => [paths.organizations(l), paths.people(l)],
  // Images appear wherever a document uses them: their tags find those pages.
  media: () => [],
  declaration: (l) => [paths.home(l), paths.declaration(l), paths.sign(l)],
  // The navigation and footer are on every page.
  site: (l) => [`/${l}/*`],
}

const bySlug = (slug: string | null | undefined, path: (slug: string) => string) =>
  slug ? [path(slug)] : []

/** The pages affected in each of `locales`. */
export function affectedPaths(
  source: WebhookSource,
  locales: readonly Locale[],
  slug?: string | null,
): string[] {
  return locales.flatMap((locale) => affected[source](locale, slug))
}

/** Where the signature count is shown: the home page, the declaration and its signing form. */
export const countPaths = (locales: readonly Locale[]): string[] =>
  locales.flatMap((l) => [paths.home(l), paths.declaration(l), paths.sign(l)])
