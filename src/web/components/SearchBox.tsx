import type { Locale } from '@/core/locales'

import { t } from '../i18n'
import { paths } from '../../cms/documentPaths'

/**
 * The header's search box: a plain GET form to the results page, so it works without script.
 * Its landmark has its own name, as the results page has a second search form.
 */
export function SearchBox({ locale }: { locale: Locale }) {
  const words = t(locale)
  return (
    <form
      role="search"
      aria-label={words.searchLandmark}
      method="get"
      action={paths.search(locale)}
      className="header-search"
    >
      <label htmlFor="site-search" className="visually-hidden">
        {words.searchLabel}
      </label>
      <input id="site-search" type="search" name="q" maxLength={200} autoComplete="off" />
      <button type="submit">{words.searchButton}</button>
    </form>
  )
}
