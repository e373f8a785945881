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

type Article = NonNullable<Awaited<ReturnType<typeof load>>>

/** Who wrote the article, each linked to their page. */
function Authors({
  locale,
  authors,
}: {
  locale: Locale
  authors: NonNullable<Article['authors']>
}) {
  if (!authors.length) return null
  const words = t(locale)
  return (
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
  )
}

/** The article's principles and tags, each a link to the news list filtered by it. */
function Topics({
  locale,
  principles,
  tags,
}: {
  locale: Locale
  principles: NonNullable<Article['principles']>
  tags: string[]
}) {
  if (!principles.length && !tags.length) return null
  const words = t(locale)
  return (
    <ul className="tags" aria-label={words.tag}>
      {principles.map((principle) => (
        <li key={principle.slug}>
          <Link href={`${paths.news(locale)}?principle=${principle.slug}`}>{principle.title}</Link>
        </li>
      ))}
      {tags.map((tag) => (
        <li key={tag}>
          <Link href={`${paths.news(locale)}?tag=${encodeURIComponent(tag)}`}>#{tag}</Link>
        </li>
      ))}
    </ul>
  )
}

/** The article's picture, with its credit. */
function HeroImage({ locale, image }: { locale: Locale; image: Article['heroImage'] }) {
  if (!image) return null
  const words = t(locale)
  return (
    <figure className="hero-image">
      <Picture image={image} size="hero" priority />
      {image.credit ? (
        <figcaption>
          {words.imageCredit}: {image.credit}
        </figcaption>
      ) : null}
    </figure>
  )
}

/** One news article: hero image with credit, authors, body with quotes, related projects. */
export default async function NewsArticlePage({ params }: SlugParams) {
  const locale = await pageLocale(params)
  const { slug } = await params
  const item = await load(locale, slug)
  if (!item) notFound()
  const words = t(locale)
  const projects = item.projects ?? []
  const organizations = item.organizations ?? []

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
        <Authors locale={locale} authors={item.authors ?? []} />
      </header>
      <HeroImage locale={locale} image={item.heroImage} />
      <RichText data={item.body} locale={locale} />

      <Topics locale={locale} principles={item.principles ?? []} tags={item.tags ?? []} />

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
