import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { cache } from 'react'

import { draftOrPublished, portalApi } from '@/web/api'
import { OrganizationCard } from '@/web/components/Cards'
import { Picture } from '@/web/components/Picture'
import { RichText } from '@/web/components/RichText'
import { t } from '@/web/i18n'
import { pageLocale, type SlugParams } from '@/web/page'
import { paths } from '@/cms/documentPaths'
import { ogImage, pageMetadata } from '@/web/seo'
import { PersonBySlugDocument } from '@/graphql/generated'
import type { Locale } from '@/core/locales'

export const dynamic = 'force-dynamic'

const load = cache(async (locale: Locale, slug: string) => {
  const { client, preview } = await portalApi(locale)
  return draftOrPublished(preview, async (draft) => {
    const data = await client.request(PersonBySlugDocument, { slug, draft })
    return data.People?.docs?.[0] ?? null
  })
})

export async function generateMetadata({ params }: SlugParams): Promise<Metadata> {
  const locale = await pageLocale(params)
  const { slug } = await params
  const person = await load(locale, slug)
  if (!person) return {}
  return pageMetadata({
    locale,
    path: `/people/${encodeURIComponent(slug)}`,
    title: person.name,
    description: person.roleTitle,
    image: ogImage(person.photo),
  })
}

/** One person: photo, role, organization, biography and links. */
export default async function PersonPage({ params }: SlugParams) {
  const locale = await pageLocale(params)
  const { slug } = await params
  const person = await load(locale, slug)
  if (!person) notFound()
  const words = t(locale)
  const links = (person.links ?? []).filter((link) => link.url)
  return (
    <article className="container narrow section article">
      <header className="person-header">
        <Picture image={person.photo} size="card" className="avatar large" priority />
        <div>
          <p className="meta">
            <Link href={paths.people(locale)}>{words.people}</Link>
          </p>
          <h1>{[person.honorific, person.name].filter(Boolean).join(' ')}</h1>
          {person.roleTitle ? <p className="lead">{person.roleTitle}</p> : null}
        </div>
      </header>
      <RichText data={person.bio} locale={locale} />
      {links.length ? (
        <section aria-labelledby="links">
          <h2 id="links">{words.links}</h2>
          <ul>
            {links.map((link) => (
              <li key={link.url}>
                <a href={link.url as string} rel="noopener">
                  {link.label ?? link.url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {person.organization ? (
        <section aria-labelledby="organization">
          <h2 id="organization">{words.organization}</h2>
          <div className="grid">
            <OrganizationCard organization={person.organization} />
          </div>
        </section>
      ) : null}
    </article>
  )
}
