import type React from 'react'

import type { Locale } from '@/core/locales'

import { t } from '../i18n'

export type FilterSelect = {
  name: string
  label: string
  value: string | undefined
  options: { value: string; label: string }[]
}

/**
 * A plain GET form: filters live in the URL (shareable, cacheable, no script needed). Each select
 * has a visible label.
 */
export function FilterForm({
  locale,
  action,
  selects,
  children,
}: {
  locale: Locale
  action: string
  selects: FilterSelect[]
  children?: React.ReactNode
}) {
  const words = t(locale)
  const active = selects.some((select) => select.value)
  return (
    <form className="filters" method="get" action={action}>
      {selects.map((select) => (
        <label key={select.name}>
          <span>{select.label}</span>
          <select name={select.name} defaultValue={select.value ?? ''}>
            <option value="">{words.allOption}</option>
            {select.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      {children}
      <button type="submit">{words.filter}</button>
      {active ? <a href={action}>{words.resetFilters}</a> : null}
    </form>
  )
}

/** Select options from documents identified by slug in URLs (principles, organizations). */
export function slugOptions(
  docs: { slug?: string | null; title?: string | null; name?: string | null }[],
): FilterSelect['options'] {
  return docs
    .filter((doc) => doc.slug)
    .map((doc) => ({
      value: doc.slug as string,
      label: doc.title ?? doc.name ?? (doc.slug as string),
    }))
}
