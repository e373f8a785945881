import type { Metadata } from 'next'

import { portalApi, today } from '@/web/api'
import { CardGrid, EventCard } from '@/web/components/Cards'
import { t } from '@/web/i18n'
import { pageLocale, type LocaleParams } from '@/web/page'
import { pageMetadata } from '@/web/seo'
import { PastEventsDocument, UpcomingEventsDocument } from '@/graphql/generated'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  return pageMetadata({ locale, path: '/events', title: t(locale).events })
}

/** Upcoming events first (soonest first), then past ones (latest first). */
export default async function EventsPage({ params }: LocaleParams) {
  const locale = await pageLocale(params)
  const words = t(locale)
  const { client } = await portalApi(locale)
  const now = today()
  const [upcoming, past] = await Promise.all([
    client.request(UpcomingEventsDocument, { now }),
    client.request(PastEventsDocument, { now }),
  ])
  const next = upcoming.Events?.docs ?? []
  const before = past.Events?.docs ?? []
  return (
    <div className="container section">
      <h1>{words.events}</h1>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">{words.upcomingEvents}</h2>
        <CardGrid count={next.length} empty={words.noEvents}>
          {next.map((event) => (
            <EventCard key={event.slug} event={event} locale={locale} />
          ))}
        </CardGrid>
      </section>
      <section aria-labelledby="past">
        <h2 id="past">{words.pastEvents}</h2>
        <CardGrid count={before.length} empty={words.noResults}>
          {before.map((event) => (
            <EventCard key={event.slug} event={event} locale={locale} />
          ))}
        </CardGrid>
      </section>
    </div>
  )
}
