import { notFound } from 'next/navigation'

import type { Locale } from '@/core/locales'

import { isLocale } from './i18n'

export type LocaleParams = { params: Promise<{ locale: string }> }
export type SlugParams = { params: Promise<{ locale: string; slug: string }> }
export type SearchParams = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** The page's locale, or the 404 page for an unknown first segment. */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  return locale
}

/** One query-string value (the first when repeated), trimmed; undefined when empty. */
export function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  const trimmed = first?.trim()
  return trimmed ? trimmed : undefined
}

/** A 1-based page number from the query string; anything else is page 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const parsed = Number(single(value))
  return Number.isInteger(parsed) && parsed >= 1 && parsed <= 10_000 ? parsed : 1
}
