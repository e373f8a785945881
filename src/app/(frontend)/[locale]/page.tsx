import type { Metadata } from 'next'
import Link from 'next/link'
import { cache } from 'react'

import { portalApi, today } from '@/web/api'
import { CardGrid, EventCard, NewsCard, PersonCard, ProjectCard } from '@/web/components/Cards'
import { PrinciplesList } from '@/web/components/Principles'
import { t } from '@/web/i18n'
import { signatureWords } from '@/web/signatureWords'
import { pageLocale, type LocaleParams } from '@/web/page'
import { paths } from '@/cms/documentPaths'
import { pageMetadata } from '@/web/seo'
import { HomePageDocument } from '@/graphql/generated'
import type { Locale } from '@/core/locales'

export const dynamic = 'force-dynamic'

// One GraphQL request per page view: metadata and page share it (React's per-request cache).
const load = cache(async (locale: Locale) => {
  const { client } = await portalApi(locale)
  return client.request(HomePageDocument, { now: today() })
})

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  const { Site, Declaration } = await load(locale)
  return {
    ...pageMetadata({
      locale,
      path: '',
      description: Site?.tagline ?? Declaration?.subtitle,
    }),
    title: { absolute: Site?.name ?? t(locale).siteName },
  }
}

/** Home: the declaration and its principles, latest news, active projects, next events, initiators. */
export default async function HomePage({ params }: LocaleParams) {
  const locale = await pageLocale(params)
  const words = t(locale)
  const { Declaration, News, Projects, Events, signatureCount } = await load(locale)
  const w = signatureWords(locale)
  const principles = Declaration?.principles ?? []
  const news = News?.docs ?? []
  const projects = Projects?.docs ?? []
  const events = Events?.docs ?? []
  const initiators = Declaration?.initiators ?? []

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <div className="container">
          <h1 id="hero-title">{Declaration?.title}</h1>
          {Declaration?.subtitle ? <p className="lead">{Declaration.subtitle}</p> : null}
          <p>
            <Link className="button" href={`${paths.declaration(locale)}/sign`}>
              {w.signNow}
            </Link>{' '}
            <Link href={paths.declaration(locale)}>
              {Declaration?.callToAction ?? words.callToAction}
            </Link>
          </p>
          <p className="meta" data-signature-count={signatureCount}>
            {w.count(signatureCount)}
          </p>
        </div>
      </section>

      <section className="container section" aria-labelledby="principles-title">
        <h2 id="principles-title">{words.principles}</h2>
        <PrinciplesList principles={principles} />
      </section>

      <section className="container section" aria-labelledby="news-title">
        <h2 id="news-title">{words.latestNews}</h2>
        <CardGrid count={news.length} empty={words.noResults}>
          {news.map((item) => (
            <NewsCard key={item.slug} item={item} locale={locale} />
          ))}
        </CardGrid>
        <p>
          <Link href={paths.news(locale)}>{words.allNews}</Link>
        </p>
      </section>

      <section className="container section" aria-labelledby="projects-title">
        <h2 id="projects-title">{words.activeProjects}</h2>
        <CardGrid count={projects.length} empty={words.noResults}>
          {projects.map((project) => (
            <ProjectCard key={project.slug} project={project} locale={locale} />
          ))}
        </CardGrid>
        <p>
          <Link href={paths.projects(locale)}>{words.allProjects}</Link>
        </p>
      </section>

      <section className="container section" aria-labelledby="events-title">
        <h2 id="events-title">{words.nextEvents}</h2>
        <CardGrid count={events.length} empty={words.noEvents}>
          {events.map((event) => (
            <EventCard key={event.slug} event={event} locale={locale} />
          ))}
        </CardGrid>
        <p>
          <Link href={paths.events(locale)}>{words.allEvents}</Link>
        </p>
      </section>

      <section className="container section" aria-labelledby="initiators-title">
        <h2 id="initiators-title">{words.initiators}</h2>
        <CardGrid count={initiators.length} empty={words.noResults}>
          {initiators.map((person) => (
            <PersonCard key={person.slug} person={person} locale={locale} />
          ))}
        </CardGrid>
      </section>

      <section className="container section call-to-action" aria-labelledby="cta-title">
        <h2 id="cta-title">{words.callToAction}</h2>
        <p>
          <Link className="button" href={paths.declaration(locale)}>
            {Declaration?.callToAction ?? words.declaration}
          </Link>
        </p>
      </section>
    </>
  )
}
