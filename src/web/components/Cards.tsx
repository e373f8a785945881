import Link from 'next/link'
import type React from 'react'

import type {
  EventCardFragment,
  NewsCardFragment,
  OrganizationCardFragment,
  PersonCardFragment,
  ProjectCardFragment,
} from '@/graphql/generated'
import type { Locale } from '@/core/locales'

import { formatDate, formatRange } from '../format'
import { t } from '../i18n'
import { paths } from '../../cms/documentPaths'
import { Picture } from './Picture'

/** Cards for lists: each is an article whose heading links to the document's own page. */

export function NewsCard({ item, locale }: { item: NewsCardFragment; locale: Locale }) {
  if (!item.slug) return null
  return (
    <article className="card">
      <Picture image={item.heroImage} size="card" className="card-image" />
      <h3>
        <Link href={paths.newsItem(locale, item.slug)}>{item.title}</Link>
      </h3>
      {item.publishedAt ? (
        <p className="meta">
          <time dateTime={item.publishedAt}>{formatDate(locale, item.publishedAt)}</time>
        </p>
      ) : null}
      {item.excerpt ? <p>{item.excerpt}</p> : null}
    </article>
  )
}

export function ProjectCard({ project, locale }: { project: ProjectCardFragment; locale: Locale }) {
  if (!project.slug) return null
  const organization = project.organization?.shortName ?? project.organization?.name
  return (
    <article className="card">
      <h3>
        <Link href={paths.project(locale, project.slug)}>{project.title}</Link>
      </h3>
      <p className="meta">
        {project.status ? (
          <span className={`badge badge-${project.status}`}>
            {t(locale).statusLabels[project.status]}
          </span>
        ) : null}
        {organization ? <span> · {organization}</span> : null}
      </p>
      {project.summary ? <p>{project.summary}</p> : null}
    </article>
  )
}

export function PersonCard({ person, locale }: { person: PersonCardFragment; locale: Locale }) {
  if (!person.slug) return null
  return (
    <article className="card person-card">
      <Picture image={person.photo} size="card" className="avatar" />
      <h3>
        <Link href={paths.person(locale, person.slug)}>
          {[person.honorific, person.name].filter(Boolean).join(' ')}
        </Link>
      </h3>
      {person.roleTitle ? <p className="meta">{person.roleTitle}</p> : null}
    </article>
  )
}

export function EventCard({ event, locale }: { event: EventCardFragment; locale: Locale }) {
  if (!event.slug) return null
  return (
    <article className="card">
      <h3>
        <Link href={paths.event(locale, event.slug)}>{event.title}</Link>
      </h3>
      <p className="meta">
        {event.startsAt ? (
          <time dateTime={event.startsAt}>{formatRange(locale, event.startsAt, event.endsAt)}</time>
        ) : null}
        {event.city ? <span> · {event.city}</span> : null}
      </p>
    </article>
  )
}

export function OrganizationCard({
  organization,
  children,
}: {
  organization: OrganizationCardFragment
  /** More about the organization (its description on the organizations page). */
  children?: React.ReactNode
}) {
  if (!organization.slug) return null
  return (
    <article className="card" id={organization.slug}>
      <Picture image={organization.logo} size="card" className="logo" />
      <h3>
        {organization.website ? (
          <a href={organization.website} rel="noopener">
            {organization.name}
          </a>
        ) : (
          organization.name
        )}
      </h3>
      {organization.country ? <p className="meta">{organization.country}</p> : null}
      {children}
    </article>
  )
}

/** A list of cards, or a sentence saying there is nothing to show. */
export function CardGrid({
  children,
  empty,
  count,
}: {
  children: React.ReactNode
  empty: string
  count: number
}) {
  if (count === 0) return <p className="empty">{empty}</p>
  return <div className="grid">{children}</div>
}
