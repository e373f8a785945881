import { defaultLocale, locales, type Locale } from '@/core/locales'

/** The portal's own words (content comes from the CMS); German first, English alongside. */
const dictionary = {
  de: {
    siteName: 'New Wave of European AI',
    skipToContent: 'Zum Inhalt springen',
    mainNavigation: 'Hauptnavigation',
    languageSwitch: 'Sprache',
    home: 'Startseite',
    declaration: 'Erklärung',
    principles: 'Die vier Prinzipien',
    news: 'Neuigkeiten',
    latestNews: 'Aktuelle Meldungen',
    allNews: 'Alle Meldungen',
    projects: 'Projekte',
    activeProjects: 'Aktive Projekte',
    allProjects: 'Alle Projekte',
    people: 'Personen',
    initiators: 'Initiatorinnen und Initiatoren',
    organizations: 'Organisationen',
    events: 'Veranstaltungen',
    nextEvents: 'Nächste Veranstaltungen',
    upcomingEvents: 'Kommende Veranstaltungen',
    pastEvents: 'Vergangene Veranstaltungen',
    allEvents: 'Alle Veranstaltungen',
    noEvents: 'Zurzeit sind keine Veranstaltungen geplant.',
    noResults: 'Keine Einträge gefunden.',
    signatories: 'Unterzeichnende',
    noSignatories: 'Noch keine veröffentlichten Unterzeichnenden.',
    signedOn: 'Unterzeichnet am',
    callToAction: 'Mitmachen',
    readMore: 'Weiterlesen',
    by: 'Von',
    authors: 'Autorinnen und Autoren',
    relatedProjects: 'Projekte',
    relatedOrganizations: 'Organisationen',
    photo: 'Foto',
    filter: 'Filtern',
    resetFilters: 'Filter zurücksetzen',
    allOption: 'Alle',
    principle: 'Prinzip',
    tag: 'Schlagwort',
    status: 'Status',
    organization: 'Organisation',
    statusLabels: { planned: 'Geplant', active: 'Aktiv', completed: 'Abgeschlossen' },
    funding: 'Förderung',
    funder: 'Fördergeber',
    programme: 'Programm',
    grantNumber: 'Förderkennzeichen',
    period: 'Laufzeit',
    partners: 'Partner',
    team: 'Beteiligte',
    website: 'Website',
    links: 'Links',
    venue: 'Ort',
    when: 'Wann',
    register: 'Anmeldung',
    online: 'Online teilnehmen',
    organizers: 'Veranstalter',
    supporters: 'Unterstützer',
    hosts: 'Gastgeber',
    speakers: 'Vortragende',
    participants: 'Teilnehmende',
    pagination: 'Seitennavigation',
    previous: 'Zurück',
    next: 'Weiter',
    pageOf: (page: number, pages: number) => `Seite ${page} von ${pages}`,
    notFoundTitle: 'Seite nicht gefunden',
    notFoundText: 'Diese Seite gibt es nicht (mehr). Vielleicht hilft die Startseite weiter.',
    backHome: 'Zur Startseite',
    previewBanner: 'Vorschau: Diese Ansicht zeigt unveröffentlichte Entwürfe.',
    exitPreview: 'Vorschau beenden',
    feed: 'Newsfeed (Atom)',
    footerNote: 'Eine offene Initiative für ein europäisches KI-Ökosystem.',
    admin: 'Redaktion',
    quoteBy: 'Zitat von',
    imageCredit: 'Bild',
    search: 'Suche',
    searchLandmark: 'Suche auf der Website',
    searchPageLandmark: 'Suchformular',
    searchLabel: 'Suchbegriff',
    searchButton: 'Suchen',
    searchType: 'Art',
    allTypes: 'Alles',
    typeLabels: {
      news: 'Meldung',
      project: 'Projekt',
      person: 'Person',
      organization: 'Organisation',
      event: 'Veranstaltung',
      principle: 'Prinzip',
      declaration: 'Erklärung',
    },
    searchPrompt:
      'Wonach suchen Sie? Zum Beispiel „Foundation-Modelle“ oder den Namen einer Organisation.',
    searchCount: (count: number, query: string) =>
      count === 1 ? `1 Treffer für „${query}“` : `${count} Treffer für „${query}“`,
    searchNothing: (query: string) =>
      `Nichts gefunden für „${query}“. Versuchen Sie ein anderes oder kürzeres Wort.`,
    searchTooLong: 'Die Suchanfrage ist zu lang: höchstens 200 Zeichen.',
    searchUnavailable:
      'Die Suche wird gerade vorbereitet. Bitte versuchen Sie es in einigen Sekunden noch einmal.',
  },
  en: {
    siteName: 'New Wave of European AI',
    skipToContent: 'Skip to content',
    mainNavigation: 'Main navigation',
    languageSwitch: 'Language',
    home: 'Home',
    declaration: 'Declaration',
    principles: 'The four principles',
    news: 'News',
    latestNews: 'Latest news',
    allNews: 'All news',
    projects: 'Projects',
    activeProjects: 'Active projects',
    allProjects: 'All projects',
    people: 'People',
    initiators: 'Initiators',
    organizations: 'Organizations',
    events: 'Events',
    nextEvents: 'Next events',
    upcomingEvents: 'Upcoming events',
    pastEvents: 'Past events',
    allEvents: 'All events',
    noEvents: 'No events are planned at the moment.',
    noResults: 'Nothing found.',
    signatories: 'Signatories',
    noSignatories: 'No published signatories yet.',
    signedOn: 'Signed on',
    callToAction: 'Get involved',
    readMore: 'Read more',
    by: 'By',
    authors: 'Authors',
    relatedProjects: 'Projects',
    relatedOrganizations: 'Organizations',
    photo: 'Photo',
    filter: 'Filter',
    resetFilters: 'Reset filters',
    allOption: 'All',
    principle: 'Principle',
    tag: 'Tag',
    status: 'Status',
    organization: 'Organization',
    statusLabels: { planned: 'Planned', active: 'Active', completed: 'Completed' },
    funding: 'Funding',
    funder: 'Funder',
    programme: 'Programme',
    grantNumber: 'Grant number',
    period: 'Period',
    partners: 'Partners',
    team: 'People',
    website: 'Website',
    links: 'Links',
    venue: 'Venue',
    when: 'When',
    register: 'Registration',
    online: 'Join online',
    organizers: 'Organizers',
    supporters: 'Supporters',
    hosts: 'Hosts',
    speakers: 'Speakers',
    participants: 'Participants',
    pagination: 'Pagination',
    previous: 'Previous',
    next: 'Next',
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
    notFoundTitle: 'Page not found',
    notFoundText: 'This page does not exist (any more). The home page may help.',
    backHome: 'Go to the home page',
    previewBanner: 'Preview: this view shows unpublished drafts.',
    exitPreview: 'Exit preview',
    feed: 'News feed (Atom)',
    footerNote: 'An open initiative for a European AI ecosystem.',
    admin: 'Editors',
    quoteBy: 'Quote by',
    imageCredit: 'Image',
    search: 'Search',
    searchLandmark: 'Site search',
    searchPageLandmark: 'Search form',
    searchLabel: 'Search term',
    searchButton: 'Search',
    searchType: 'Kind',
    allTypes: 'Everything',
    typeLabels: {
      news: 'News',
      project: 'Project',
      person: 'Person',
      organization: 'Organization',
      event: 'Event',
      principle: 'Principle',
      declaration: 'Declaration',
    },
    searchPrompt:
      'What are you looking for? For example “foundation models” or an organization’s name.',
    searchCount: (count: number, query: string) =>
      count === 1 ? `1 result for “${query}”` : `${count} results for “${query}”`,
    searchNothing: (query: string) =>
      `Nothing found for “${query}”. Try another or a shorter word.`,
    searchTooLong: 'The search query is too long: 200 characters at most.',
    searchUnavailable: 'Search is being prepared. Please try again in a few seconds.',
  },
} satisfies Record<Locale, unknown>

export type Dictionary = (typeof dictionary)['de']

export function t(locale: Locale): Dictionary {
  return dictionary[locale]
}

import { isLocale } from '@/core/locales'

export { isLocale }

/** The locale of a URL segment; unknown segments render the German shell (their page is a 404). */
export function localeOr(value: string | undefined): Locale {
  return isLocale(value) ? value : defaultLocale
}

export const localeCodes = locales.map((locale) => locale.code)

/**
 * The visitor's preferred portal locale from an `Accept-Language` header (q-values respected);
 * German when nothing matches.
 */
export function preferredLocale(header: string | null): Locale {
  if (!header) return defaultLocale
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index }
    })
    .filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0]
    if (isLocale(primary)) return primary
  }
  return defaultLocale
}
