import { createClient } from '@/graphql/client'
import * as ops from '@/graphql/generated'

import { sitemapPart, sitemapPartNames } from '@/web/sitemap'

import { POST as graphqlRoute } from '../../src/app/(payload)/api/graphql/route'

const routeFetch: typeof fetch = (input, init) => graphqlRoute(new Request(input as string, init))
const api = createClient({ baseUrl: 'http://localhost:3000', locale: 'de', fetch: routeFetch })
const now = '2026-06-01T00:00:00.000Z'
/** A date's month as a sitemap part names it, `YYYY-MM`. */
const month = (date: string) => date.slice(0, 7)

type Rows = (sql: string) => Promise<Record<string, unknown>[]>

/** The single-row tables of globals (the declaration, the site): reading one row whole is fine. */
export const globalTables = /^_?(declaration|site)(_|$)/

/**
 * Plan lines the check lets pass, each with why. `sql` narrows an exception to the statements it
 * is about.
 */
export const exceptions: { line: RegExp; sql: RegExp; reason: string }[] = [
  {
    line: /^USE TEMP B-TREE FOR RIGHT PART OF ORDER BY/,
    sql: /order by .* asc, "\w+"\."created_at" desc/,
    reason:
      'Payload appends `createdAt` descending to every sort as a tie-breaker, and its indexes ' +
      'are ascending: after an ascending key read from an index, SQLite sorts only the rows ' +
      'that tie on it, block by block, and stops at the end of the page.',
  },
  {
    line: /\bprinciples\b/,
    sql: /from "principles" "principles"/,
    reason:
      'The principles are the declaration’s own, a fixed handful that does not grow with the ' +
      'archive: reading all of them costs the same next year.',
  },
  {
    line: /TEMP B-TREE|SCAN projects USING INDEX sqlite_autoindex_projects_1/,
    sql: /from "projects" left join "projects_locales" on /,
    reason:
      'Project lists sort by the localized title, which Payload reads through a LEFT JOIN of ' +
      '`projects_locales`: SQLite cannot drive a LEFT JOIN from its right side, so no index on ' +
      '(_locale, title) can order it, and the count of a list that shows its pages groups the ' +
      'same join. The lists sort the matching projects (a thousand on the large data set); ' +
      'sorting by a field of the `projects` table would need the operations to change what ' +
      'they show.',
  },
  {
    line: /./,
    sql: /left join "(news|projects)_(texts|rels)" "\w+" on .*"path" like \?/,
    reason:
      "A filter on a tag (a substring match, LIKE '%tag%', that no index serves) or through a " +
      'relationship (principles): Payload joins the tag or relationship rows and removes ' +
      'duplicates, so SQLite either walks the list’s date index testing each document or sorts ' +
      'the matches. The filtered lists of the news and project pages cost what the matches cost.',
  },
  {
    line: /^SCAN organizations USING INDEX organizations_created_at_idx$/,
    sql: /where \("organizations"\."id" in \(/,
    reason:
      'Populating a page of people with their organizations asks for up to 100 organizations by ' +
      'ID: SQLite walks the `createdAt` index instead when the IDs are a large share of the ' +
      'table (100 of 300), and looks them up by ID once the table is larger.',
  },
]

/** The reads whose operations select no `totalDocs`, `totalPages` or `hasNextPage`. */
export const readsWithoutTotals = [
  'SiteChrome',
  'HomePage',
  'FilterOptions',
  'PrincipleOptions',
  'NewsBySlug',
  'NewsFeed',
  'ProjectBySlug',
  'PersonBySlug',
  'EventBySlug',
  'SignaturePage',
]

/** `signatureCount`, the number of signatures the declaration's pages show. */
export const signatureCount =
  /^select count\(\*\) from "signatories" where "signatories"\."status" = \?$/

/**
 * What each page (and feed and sitemap) asks, with the variables it sends: every committed query,
 * each list with each of its filters and a later page.
 */
export async function pageReads(rows: Rows): Promise<Record<string, () => Promise<unknown>>> {
  const first = async (sql: string) => String((await rows(sql))[0]?.value)
  const newsSlug = await first(`SELECT slug AS value FROM news WHERE _status = 'published'`)
  const projectSlug = await first(`SELECT slug AS value FROM projects WHERE _status = 'published'`)
  const personSlug = await first(`SELECT slug AS value FROM people WHERE _status = 'published'`)
  const eventSlug = await first(`SELECT slug AS value FROM events WHERE _status = 'published'`)
  const principle = await first(`SELECT id AS value FROM principles`)
  const organization = await first(`SELECT id AS value FROM organizations`)
  const tag = await first(`SELECT text AS value FROM news_texts`)
  const newsMonth = await first(
    `SELECT published_at AS value FROM news WHERE _status = 'published'`,
  )
  const projectMonth = await first(`SELECT created_at AS value FROM projects`)
  const personMonth = await first(`SELECT created_at AS value FROM people`)
  const eventMonth = await first(`SELECT starts_at AS value FROM events`)
  return {
    SiteChrome: () => api.request(ops.SiteChromeDocument, {}),
    HomePage: () => api.request(ops.HomePageDocument, { now }),
    FilterOptions: () => api.request(ops.FilterOptionsDocument, {}),
    PrincipleOptions: () => api.request(ops.PrincipleOptionsDocument, {}),
    NewsList: () => api.request(ops.NewsListDocument, { where: {}, limit: 12 }),
    'NewsList, page 3': () => api.request(ops.NewsListDocument, { where: {}, limit: 12, page: 3 }),
    'NewsList by tag': () =>
      api.request(ops.NewsListDocument, { where: { tags: { contains: tag } }, limit: 12 }),
    'NewsList by principle': () =>
      api.request(ops.NewsListDocument, { where: { principles: { in: [principle] } }, limit: 12 }),
    NewsBySlug: () => api.request(ops.NewsBySlugDocument, { slug: newsSlug }),
    NewsFeed: () => api.request(ops.NewsFeedDocument, {}),
    ProjectList: () => api.request(ops.ProjectListDocument, { where: {}, limit: 12 }),
    'ProjectList by status': () =>
      api.request(ops.ProjectListDocument, { where: { status: { equals: 'active' } }, limit: 12 }),
    'ProjectList by organization': () =>
      api.request(ops.ProjectListDocument, {
        where: { organization: { equals: organization } },
        limit: 12,
      }),
    'ProjectList by principle': () =>
      api.request(ops.ProjectListDocument, {
        where: { principles: { in: [principle] } },
        limit: 12,
      }),
    ProjectBySlug: () => api.request(ops.ProjectBySlugDocument, { slug: projectSlug }),
    PeopleDirectory: () => api.request(ops.PeopleDirectoryDocument, {}),
    'PeopleDirectory, page 2': () => api.request(ops.PeopleDirectoryDocument, { page: 2 }),
    PersonBySlug: () => api.request(ops.PersonBySlugDocument, { slug: personSlug }),
    OrganizationList: () => api.request(ops.OrganizationListDocument, {}),
    UpcomingEvents: () => api.request(ops.UpcomingEventsDocument, { now }),
    PastEvents: () => api.request(ops.PastEventsDocument, { now }),
    EventBySlug: () => api.request(ops.EventBySlugDocument, { slug: eventSlug }),
    DeclarationPage: () => api.request(ops.DeclarationPageDocument, { where: {} }),
    'DeclarationPage by sector and country': () =>
      api.request(ops.DeclarationPageDocument, {
        where: { sector: { equals: 'research' }, country: { equals: 'DE' } },
        page: 2,
      }),
    SignaturePage: () => api.request(ops.SignaturePageDocument, {}),
    'sitemap index': () => sitemapPartNames(api, new Date(now)),
    'sitemap part of news': () => sitemapPart(api, `news-${month(newsMonth)}`),
    'sitemap part of projects': () => sitemapPart(api, `projects-${month(projectMonth)}`),
    'sitemap part of people': () => sitemapPart(api, `people-${month(personMonth)}`),
    'sitemap part of events': () => sitemapPart(api, `events-${month(eventMonth)}`),
  }
}
