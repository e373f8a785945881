import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'

import { draftOrPublished, portalApi } from '@/web/api'
import { CardGrid, OrganizationCard, PersonCard } from '@/web/components/Cards'
import { Picture } from '@/web/components/Picture'
import { RichText } from '@/web/components/RichText'
import { formatDate } from '@/web/format'
import { t } from '@/web/i18n'
import { pageLocale, type SlugParams } from '@/web/page'
import { paths } from '@/cms/documentPaths'
import { ogImage, pageMetadata } from '@/web/seo'
import { ProjectBySlugDocument } from '@/graphql/generated'
import type { Locale } from '@/core/locales'

export const dynamic = 'force-dynamic'

const load = cache(async (locale: Locale, slug: string) => {
  const { client, preview } = await portalApi(locale)
  return draftOrPublished(preview, async (draft) => {
    const data = await client.request(ProjectBySlugDocument, { slug, draft })
    return data.Projects?.docs?.[0] ?? null
  })
})

export async function generateMetadata({ params }: SlugParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  const { slug } = await params
  const project = await load(locale, slug)
  if (!project) return {}
  return pageMetadata({
    locale,
    path: `/projects/${encodeURIComponent(slug)}`,
    title: project.title,
    description: project.summary,
    image: ogImage(project.logo),
  })
}

type Project = NonNullable<Awaited<ReturnType<typeof load>>>

/** Where the project stands, its name and summary, who runs it, and its website. */
function ProjectHeader({ locale, project }: { locale: Locale; project: Project }) {
  const words = t(locale)
  return (
    <header>
      <p className="meta">
        <Link href={paths.projects(locale)}>{words.projects}</Link>
        {project.status ? (
          <>
            {' · '}
            <span className={`badge badge-${project.status}`}>
              {words.statusLabels[project.status]}
            </span>
          </>
        ) : null}
      </p>
      <Picture image={project.logo} size="card" className="logo" />
      <h1>{project.title}</h1>
      {project.summary ? <p className="lead">{project.summary}</p> : null}
      {project.organization?.slug ? (
        <p className="meta">
          {words.organization}:{' '}
          <Link href={paths.organization(locale, project.organization.slug)}>
            {project.organization.name}
          </Link>
        </p>
      ) : null}
      {project.website ? (
        <p>
          <a href={project.website} rel="noopener">
            {words.website}
          </a>
        </p>
      ) : null}
    </header>
  )
}

/** Who funds the project, under which programme and grant, and for how long. */
function Funding({ locale, funding }: { locale: Locale; funding: Project['funding'] }) {
  const words = t(locale)
  const period = [funding?.startDate, funding?.endDate]
    .map((date) => formatDate(locale, date))
    .filter(Boolean)
    .join(' – ')
  if (!(funding?.funder || funding?.programme || funding?.grantNumber || period)) return null
  return (
    <section aria-labelledby="funding">
      <h2 id="funding">{words.funding}</h2>
      <dl className="facts">
        {funding?.funder ? (
          <>
            <dt>{words.funder}</dt>
            <dd>{funding.funder.name}</dd>
          </>
        ) : null}
        {funding?.programme ? (
          <>
            <dt>{words.programme}</dt>
            <dd>{funding.programme}</dd>
          </>
        ) : null}
        {funding?.grantNumber ? (
          <>
            <dt>{words.grantNumber}</dt>
            <dd>{funding.grantNumber}</dd>
          </>
        ) : null}
        {period ? (
          <>
            <dt>{words.period}</dt>
            <dd>{period}</dd>
          </>
        ) : null}
      </dl>
    </section>
  )
}

/** A partner project: summary, body, funding, partners, people and principles. */
export default async function ProjectPage({ params }: SlugParams) {
  const locale = await pageLocale(params)
  const { slug } = await params
  const project = await load(locale, slug)
  if (!project) notFound()
  const words = t(locale)
  const partners = project.partners ?? []
  const people = project.people ?? []
  const principles = project.principles ?? []

  return (
    <article className="container narrow section article">
      <ProjectHeader locale={locale} project={project} />
      <RichText data={project.body} locale={locale} />

      <Funding locale={locale} funding={project.funding} />

      {partners.length ? (
        <section aria-labelledby="partners">
          <h2 id="partners">{words.partners}</h2>
          <CardGrid count={partners.length} empty="">
            {partners.map((partner) => (
              <OrganizationCard key={partner.slug} organization={partner} />
            ))}
          </CardGrid>
        </section>
      ) : null}
      {people.length ? (
        <section aria-labelledby="people">
          <h2 id="people">{words.team}</h2>
          <CardGrid count={people.length} empty="">
            {people.map((person) => (
              <PersonCard key={person.slug} person={person} locale={locale} />
            ))}
          </CardGrid>
        </section>
      ) : null}
      {principles.length ? (
        <section aria-labelledby="principles">
          <h2 id="principles">{words.principles}</h2>
          <ul className="tags">
            {principles.map((principle) => (
              <li key={principle.slug}>
                <Link href={`${paths.projects(locale)}?principle=${principle.slug}`}>
                  {principle.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
