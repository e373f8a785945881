'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'

import { localeOr, t } from '../i18n'
import { paths } from '../../cms/documentPaths'

/**
 * Next passes no params to not-found pages; the locale is the first segment of the path the
 * visitor asked for, so the message stays in their language.
 */
export function NotFoundMessage() {
  const locale = localeOr(usePathname()?.split('/')[1])
  const words = t(locale)
  return (
    <div className="container narrow">
      <h1>{words.notFoundTitle}</h1>
      <p>{words.notFoundText}</p>
      <p>
        <Link href={paths.home(locale)}>{words.backHome}</Link>
      </p>
    </div>
  )
}
