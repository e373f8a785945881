import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'

import { draftOrPublished, portalApi } from '@/web/api'
import { CardGrid, OrganizationCard, ProjectCard } from '@/web/components/Cards'
import { Picture } from '@/web/components/Picture'
import { RichText } from '@/web/components/RichText'
import { formatDate } from '@/web/format'
import { t } from '@/web/i18n'
import { pageLocale, type SlugParams } from '@/web/page'
import { paths } from '@/cms/documentPaths'
import { ogImage, pageMetadata } from '@/web/seo'
import { NewsBySlugDocument } from '@/graphql/generated'
import type { Locale } from '@/core/locales'

export const dynamic = 'force-dynamic'

const load = cache(async (locale: Locale, slug: string) => {
  const { client, preview } = await portalApi(locale)
  return draftOrPublished(preview, async (draft) => {
    const data = await client.request(NewsBySlugDocument, { slug, draft })
    return data.News?.docs?.[0] ?? null
  })
})

export async function generateMetadata({ params }: SlugParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  const { slug } = await params
  const item = await load(locale, slug)
  if (!item) return {}
  return pageMetadata({
    locale,
    path: `/news/${encodeURIComponent(slug)}`,
    title: item.title,
    description: item.excerpt,
    image: ogImage(item.heroImage),
    type: 'article',
    publishedTime: item.publishedAt,
  })
}

/** One news article: hero image with credit, authors, body with quotes, related projects. */
export default async function NewsArticlePage({ params }: SlugParams) {
  const locale = await pageLocale(params)
  const { slug } = await params
  const item = await load(locale, slug)
  if (!item) notFound()
  const words = t(locale)
  const authors = item.authors ?? []
  const projects = item.projects ?? []
  const organizations = item.organizations ?? []
  const principles = item.principles ?? []

  return (
    <article className="container narrow section article">
      <header>
        <p className="meta">
          <Link href={paths.news(locale)}>{words.news}</Link>
          {item.publishedAt ? (
            <>
              {' · '}
              <time dateTime={item.publishedAt}>{formatDate(locale, item.publishedAt)}</time>
            </>
          ) : null}
        </p>
        <h1>{item.title}</h1>
        {item.excerpt ? <p className="lead">{item.excerpt}</p> : null}
        {authors.length ? (
          <p className="meta">
            {words.by}{' '}
            {authors.map((author, index) => (
              <span key={author.slug}>
                {index > 0 ? ', ' : null}
                {author.slug ? (
                  <Link href={paths.person(locale, author.slug)}>{author.name}</Link>
                ) : (
                  author.name
                )}
              </span>
            ))}
          </p>
        ) : null}
      </header>
      {item.heroImage ? (
        <figure className="hero-image">
          <Picture image={item.heroImage} size="hero" priority />
          {item.heroImage.credit ? (
            <figcaption>
              {words.imageCredit}: {item.heroImage.credit}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      <RichText data={item.body} locale={locale} />

      {principles.length || item.tags?.length ? (
        <ul className="tags" aria-label={words.tag}>
          {principles.map((principle) => (
            <li key={principle.slug}>
              <Link href={`${paths.news(locale)}?principle=${principle.slug}`}>
                {principle.title}
              </Link>
            </li>
          ))}
          {(item.tags ?? []).map((tag) => (
            <li key={tag}>
              <Link href={`${paths.news(locale)}?tag=${encodeURIComponent(tag)}`}>#{tag}</Link>
            </li>
          ))}
        </ul>
      ) : null}

      {projects.length ? (
        <section aria-labelledby="related-projects">
          <h2 id="related-projects">{words.relatedProjects}</h2>
          <CardGrid count={projects.length} empty="">
            {projects.map((project) => (
              <ProjectCard key={project.slug} project={project} locale={locale} />
            ))}
          </CardGrid>
        </section>
      ) : null}
      {organizations.length ? (
        <section aria-labelledby="related-organizations">
          <h2 id="related-organizations">{words.relatedOrganizations}</h2>
          <CardGrid count={organizations.length} empty="">
            {organizations.map((organization) => (
              <OrganizationCard key={organization.slug} organization={organization} />
            ))}
          </CardGrid>
        </section>
      ) : null}
    </article>
  )
}
