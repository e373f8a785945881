import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'

import { draftOrPublished, portalApi } from '@/web/api'
import { CardGrid, OrganizationCard, PersonCard } from '@/web/components/Cards'
import { RichText } from '@/web/components/RichText'
import { formatRange } from '@/web/format'
import { t } from '@/web/i18n'
import { pageLocale, type SlugParams } from '@/web/page'
import { paths } from '@/cms/documentPaths'
import { pageMetadata } from '@/web/seo'
import { EventBySlugDocument } from '@/graphql/generated'
import type { Locale } from '@/core/locales'

export const dynamic = 'force-dynamic'

const load = cache(async (locale: Locale, slug: string) => {
  const { client, preview } = await portalApi(locale)
  return draftOrPublished(preview, async (draft) => {
    const data = await client.request(EventBySlugDocument, { slug, draft })
    return data.Events?.docs?.[0] ?? null
  })
})

export async function generateMetadata({ params }: SlugParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  const { slug } = await params
  const event = await load(locale, slug)
  if (!event) return {}
  return pageMetadata({
    locale,
    path: `/events/${encodeURIComponent(slug)}`,
    title: event.title,
    description: [formatRange(locale, event.startsAt, event.endsAt), event.city]
      .filter(Boolean)
      .join(', '),
  })
}

type EventDocument = NonNullable<Awaited<ReturnType<typeof load>>>

/** When and where, how many take part, and how to register or join online. */
function EventFacts({ event, locale }: { event: EventDocument; locale: Locale }) {
  const words = t(locale)
  return (
    <>
      <dl className="facts">
        <dt>{words.when}</dt>
        <dd>
          {event.startsAt ? (
            <time dateTime={event.startsAt}>
              {formatRange(locale, event.startsAt, event.endsAt)}
            </time>
          ) : null}
        </dd>
        {event.venue || event.city ? (
          <>
            <dt>{words.venue}</dt>
            <dd>{[event.venue, event.city, event.country].filter(Boolean).join(', ')}</dd>
          </>
        ) : null}
        {event.participants?.count ? (
          <>
            <dt>{words.participants}</dt>
            <dd>{event.participants.count}</dd>
          </>
        ) : null}
      </dl>
      <p className="actions">
        {event.registrationUrl ? (
          <a className="button" href={event.registrationUrl} rel="noopener">
            {words.register}
          </a>
        ) : null}
        {event.onlineUrl ? (
          <a href={event.onlineUrl} rel="noopener">
            {words.online}
          </a>
        ) : null}
      </p>
    </>
  )
}

/** One event: when and where, registration, description, organizers, hosts and speakers. */
export default async function EventPage({ params }: SlugParams) {
  const locale = await pageLocale(params)
  const { slug } = await params
  const event = await load(locale, slug)
  if (!event) notFound()
  const words = t(locale)
  const groups = [
    { id: 'organizers', title: words.organizers, items: event.organizers ?? [] },
    { id: 'supporters', title: words.supporters, items: event.supporters ?? [] },
  ]
  const people = [
    { id: 'hosts', title: words.hosts, items: event.hosts ?? [] },
    { id: 'speakers', title: words.speakers, items: event.speakers ?? [] },
  ]
  return (
    <article className="container narrow section article">
      <header>
        <p className="meta">
          <Link href={paths.events(locale)}>{words.events}</Link>
        </p>
        <h1>{event.title}</h1>
        <EventFacts event={event} locale={locale} />
      </header>
      <RichText data={event.description} locale={locale} />
      {groups
        .filter((group) => group.items.length)
        .map((group) => (
          <section key={group.id} aria-labelledby={group.id}>
            <h2 id={group.id}>{group.title}</h2>
            <CardGrid count={group.items.length} empty="">
              {group.items.map((organization) => (
                <OrganizationCard key={organization.slug} organization={organization} />
              ))}
            </CardGrid>
          </section>
        ))}
      {people
        .filter((group) => group.items.length)
        .map((group) => (
          <section key={group.id} aria-labelledby={group.id}>
            <h2 id={group.id}>{group.title}</h2>
            <CardGrid count={group.items.length} empty="">
              {group.items.map((person) => (
                <PersonCard key={person.slug} person={person} locale={locale} />
              ))}
            </CardGrid>
          </section>
        ))}
    </article>
  )
}
