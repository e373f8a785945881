import type { Metadata } from 'next'
import { SubscribeForm } from '@/web/components/updates/SubscribeForm'
import Link from 'next/link'
import { cache, type ReactNode } from 'react'

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

type Home = Awaited<ReturnType<typeof load>>

/** The declaration's title, the way to sign it, and how many have. */
function Hero({
  locale,
  declaration,
  signatureCount,
}: {
  locale: Locale
  declaration: Home['Declaration']
  signatureCount: number
}) {
  const words = t(locale)
  const w = signatureWords(locale)
  return (
    <section className="hero" aria-labelledby="hero-title">
      <div className="container">
        <h1 id="hero-title">{declaration?.title}</h1>
        {declaration?.subtitle ? <p className="lead">{declaration.subtitle}</p> : null}
        <p>
          <Link className="button" href={paths.sign(locale)}>
            {w.signNow}
          </Link>{' '}
          <Link href={paths.declaration(locale)}>
            {declaration?.callToAction ?? words.callToAction}
          </Link>
        </p>
        <p className="meta" data-signature-count={signatureCount}>
          {w.count(signatureCount)}
        </p>
      </div>
    </section>
  )
}

/** The page's last word: read the declaration. */
function CallToAction({
  locale,
  declaration,
}: {
  locale: Locale
  declaration: Home['Declaration']
}) {
  const words = t(locale)
  return (
    <section className="container section call-to-action" aria-labelledby="cta-title">
      <h2 id="cta-title">{words.callToAction}</h2>
      <p>
        <Link className="button" href={paths.declaration(locale)}>
          {declaration?.callToAction ?? words.declaration}
        </Link>
      </p>
    </section>
  )
}

/** One of the home page's lists: its heading, its cards, and a link to all of them. */
function ListSection(props: {
  id: string
  title: string
  more?: { href: string; label: string }
  children: ReactNode
}) {
  return (
    <section className="container section" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
      {props.more ? (
        <p>
          <Link href={props.more.href}>{props.more.label}</Link>
        </p>
      ) : null}
    </section>
  )
}

/** The next events, and the people who started the initiative. */
function EventsAndInitiators({ locale, home }: { locale: Locale; home: Home }) {
  const words = t(locale)
  const events = home.Events?.docs ?? []
  const initiators = home.Declaration?.initiators ?? []
  return (
    <>
      <ListSection
        id="events"
        title={words.nextEvents}
        more={{ href: paths.events(locale), label: words.allEvents }}
      >
        <CardGrid count={events.length} empty={words.noEvents}>
          {events.map((event) => (
            <EventCard key={event.slug} event={event} locale={locale} />
          ))}
        </CardGrid>
      </ListSection>

      <ListSection id="initiators" title={words.initiators}>
        <CardGrid count={initiators.length} empty={words.noResults}>
          {initiators.map((person) => (
            <PersonCard key={person.slug} person={person} locale={locale} />
          ))}
        </CardGrid>
      </ListSection>
    </>
  )
}

/** Home: the declaration and its principles, latest news, active projects, next events, initiators. */
export default async function HomePage({ params }: LocaleParams) {
  const locale = await pageLocale(params)
  const words = t(locale)
  const home = await load(locale)
  const { Declaration, News, Projects, signatureCount } = home
  const principles = Declaration?.principles ?? []
  const news = News?.docs ?? []
  const projects = Projects?.docs ?? []

  return (
    <>
      <Hero locale={locale} declaration={Declaration} signatureCount={signatureCount} />

      <ListSection id="principles" title={words.principles}>
        <PrinciplesList principles={principles} />
      </ListSection>

      <ListSection
        id="news"
        title={words.latestNews}
        more={{ href: paths.news(locale), label: words.allNews }}
      >
        <CardGrid count={news.length} empty={words.noResults}>
          {news.map((item) => (
            <NewsCard key={item.slug} item={item} locale={locale} />
          ))}
        </CardGrid>
      </ListSection>

      <ListSection
        id="projects"
        title={words.activeProjects}
        more={{ href: paths.projects(locale), label: words.allProjects }}
      >
        <CardGrid count={projects.length} empty={words.noResults}>
          {projects.map((project) => (
            <ProjectCard key={project.slug} project={project} locale={locale} />
          ))}
        </CardGrid>
      </ListSection>

      <EventsAndInitiators locale={locale} home={home} />

      <CallToAction locale={locale} declaration={Declaration} />

      <SubscribeForm locale={locale} />
    </>
  )
}
