import type { Metadata } from 'next'

import type { ImagePartsFragment } from '@/graphql/generated'
import { locales, type Locale } from '@/core/locales'

import { t } from './i18n'

/** The public base URL: canonical links, Open Graph, feeds and the sitemap are absolute. */
export function siteUrl(): string {
  return (process.env.SERVER_URL ?? 'http://localhost:3000').replace(/\/+$/, '')
}

const ogLocale: Record<Locale, string> = { de: 'de_DE', en: 'en_GB' }

export const defaultImage = { url: '/og-default.png', width: 1200, height: 630 }

/**
 * The Open Graph picture of an uploaded image: Payload's 1200×630 `og` size (cropped for link
 * previews), else the image as uploaded.
 */
export function ogImage(image: ImagePartsFragment | null | undefined): PageSeo['image'] {
  if (!image) return undefined
  const og = image.sizes?.og
  return og?.url ? { ...og, alt: image.alt } : { ...image }
}

export type PageSeo = {
  locale: Locale
  /** The page's path without the locale, e.g. '' (home) or '/news/some-slug'. */
  path: string
  title?: string | null
  description?: string | null
  image?: { url: string | null; width: number | null; height: number | null; alt?: string | null }
  type?: 'website' | 'article'
  publishedTime?: string | null
}

/** Title, description, canonical URL, hreflang alternates and Open Graph for one page. */
export function pageMetadata({
  locale,
  path,
  title,
  description,
  image,
  type = 'website',
  publishedTime,
}: PageSeo): Metadata {
  const words = t(locale)
  const url = `/${locale}${path}`
  const languages = Object.fromEntries([
    ...locales.map(({ code }) => [code, `/${code}${path}`]),
    ['x-default', `/de${path}`],
  ])
  const picture =
    image?.url && image.width && image.height
      ? { url: image.url, width: image.width, height: image.height, alt: image.alt ?? undefined }
      : { ...defaultImage, alt: words.siteName }
  return {
    title: title ?? undefined,
    description: description ?? undefined,
    alternates: {
      canonical: url,
      languages,
      types: { 'application/atom+xml': [{ url: `/${locale}/feed.xml`, title: words.feed }] },
    },
    openGraph: {
      type,
      url,
      siteName: words.siteName,
      title: title ?? words.siteName,
      description: description ?? undefined,
      locale: ogLocale[locale],
      alternateLocale: locales
        .filter(({ code }) => code !== locale)
        .map(({ code }) => ogLocale[code]),
      images: [picture],
      ...(type === 'article' && publishedTime ? { publishedTime } : {}),
    },
    twitter: { card: 'summary_large_image' },
  }
}
