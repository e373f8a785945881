import Link from 'next/link'

import { SiteChromeDocument } from '@/graphql/generated'
import type { Locale } from '@/core/locales'

import { portalApi } from '../api'
import { t } from '../i18n'
import { localizedLink, paths } from '../../cms/documentPaths'
import { LanguageSwitch } from './LanguageSwitch'
import { SearchBox } from './SearchBox'

/**
 * The header on every page: skip link, the site's name, the CMS navigation, the search box, the
 * language switch.
 */
export async function SiteHeader({ locale }: { locale: Locale }) {
  const words = t(locale)
  const { client } = await portalApi(locale)
  const { Site } = await client.request(SiteChromeDocument, {})
  const navigation = (Site?.navigation ?? []).filter((item) => item.label && item.link)
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {words.skipToContent}
      </a>
      <div className="site-header-inner">
        <Link href={paths.home(locale)} className="brand">
          <span className="brand-mark" aria-hidden="true">
            ≈
          </span>
          <span>{Site?.name ?? words.siteName}</span>
        </Link>
        <nav aria-label={words.mainNavigation} className="main-nav">
          <ul>
            {navigation.map((item) => (
              <li key={item.link}>
                <Link href={localizedLink(locale, item.link as string)}>{item.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <SearchBox locale={locale} />
        <LanguageSwitch locale={locale} label={words.languageSwitch} />
      </div>
    </header>
  )
}

export function SiteFooter({ locale }: { locale: Locale }) {
  const words = t(locale)
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>{words.footerNote}</p>
        <ul>
          <li>
            <Link href={paths.organizations(locale)}>{words.organizations}</Link>
          </li>
          <li>
            <a href={paths.feed(locale)} type="application/atom+xml">
              {words.feed}
            </a>
          </li>
          <li>
            {/* The admin is another app on this server: no prefetching, a full page load. */}
            <Link href="/admin" prefetch={false}>
              {words.admin}
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  )
}

/** Shown on every page while draft mode is on, with the way out. */
export function PreviewBanner({ locale, path }: { locale: Locale; path: string }) {
  const words = t(locale)
  return (
    <div className="preview-banner" role="status">
      <span>{words.previewBanner}</span>{' '}
      <a href={`/preview/exit?path=${encodeURIComponent(path)}`}>{words.exitPreview}</a>
    </div>
  )
}
