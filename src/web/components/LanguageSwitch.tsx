'use client'

import { usePathname } from 'next/navigation'

import { locales, type Locale } from '@/core/locales'

import { switchLocale } from '../../cms/documentPaths'

/**
 * Links to the same document in the other locales (slugs are the same in both), so a visitor
 * switching language stays where they are.
 */
export function LanguageSwitch({ locale, label }: { locale: Locale; label: string }) {
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
              <a href={switchLocale(pathname, code)} hrefLang={code} lang={code}>
                {name}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  )
}
