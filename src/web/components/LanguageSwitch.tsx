'use client'

import { usePathname, useSearchParams } from 'next/navigation'
import { Suspense } from 'react'

import { locales, type Locale } from '@/core/locales'

import { switchLocale } from '../../cms/documentPaths'

type Props = { locale: Locale; label: string }

function Links({ locale, label, query }: Props & { query: string }) {
  const pathname = usePathname() ?? `/${locale}`
  return (
    <nav aria-label={label} className="language-switch">
      <ul>
        {locales.map(({ code, label: name }) =>
          code === locale ? (
            <li key={code}>
              <span aria-current="true" lang={code}>
                {name}
              </span>
            </li>
          ) : (
            <li key={code}>
              {/* A full page load: the whole layout (html lang, header) changes language. */}
              <a
                href={`${switchLocale(pathname, code)}${query ? `?${query}` : ''}`}
                hrefLang={code}
                lang={code}
              >
                {name}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  )
}

function WithQuery(props: Props) {
  return <Links {...props} query={useSearchParams()?.toString() ?? ''} />
}

/**
 * Links to the same page in the other locales (slugs are the same in both), with the same query
 * (search terms, filters, page), so a visitor switching language stays where they are.
 */
export function LanguageSwitch(props: Props) {
  return (
    <Suspense fallback={<Links {...props} query="" />}>
      <WithQuery {...props} />
    </Suspense>
  )
}
