import type { Locale } from '@/core/locales'

/** Every public URL of the portal, built in one place so links, sitemap and feeds agree. */
export const paths = {
  home: (locale: Locale) => `/${locale}`,
  declaration: (locale: Locale) => `/${locale}/declaration`,
  sign: (locale: Locale) => `/${locale}/declaration/sign`,
  news: (locale: Locale) => `/${locale}/news`,
  newsItem: (locale: Locale, slug: string) => `/${locale}/news/${encodeURIComponent(slug)}`,
  projects: (locale: Locale) => `/${locale}/projects`,
  project: (locale: Locale, slug: string) => `/${locale}/projects/${encodeURIComponent(slug)}`,
  people: (locale: Locale) => `/${locale}/people`,
  person: (locale: Locale, slug: string) => `/${locale}/people/${encodeURIComponent(slug)}`,
  organizations: (locale: Locale) => `/${locale}/organizations`,
  organization: (locale: Locale, slug: string) =>
    `/${locale}/organizations#${encodeURIComponent(slug)}`,
  events: (locale: Locale) => `/${locale}/events`,
  event: (locale: Locale, slug: string) => `/${locale}/events/${encodeURIComponent(slug)}`,
  feed: (locale: Locale) => `/${locale}/feed.xml`,
  sitemapPart: (name: string) => `/sitemap/${encodeURIComponent(name)}.xml`,
  search: (locale: Locale) => `/${locale}/search`,
}

/**
 * A CMS link (the Site global's navigation holds locale-free paths such as `/news`) as a portal
 * URL in the given locale; absolute URLs stay as they are.
 */
export function localizedLink(locale: Locale, link: string): string {
  if (/^[a-z]+:/i.test(link)) return link
  const path = link.startsWith('/') ? link : `/${link}`
  return path === '/' ? `/${locale}` : `/${locale}${path}`
}

/** The same page in another locale: the path with its first segment swapped. */
export function switchLocale(pathname: string, to: Locale): string {
  const rest = pathname.replace(/^\/[^/]+/, '')
  return `/${to}${rest}`
}
