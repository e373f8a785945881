import type { Metadata, Viewport } from 'next'
import { draftMode } from 'next/headers'
import type React from 'react'

import { PreviewBanner, SiteFooter, SiteHeader } from '@/web/components/Chrome'
import { LivePreviewRefresh } from '@/web/components/LivePreviewRefresh'
import { localeOr, t } from '@/web/i18n'
import { paths } from '@/cms/documentPaths'
import { siteUrl } from '@/web/seo'

import './styles.css'

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = localeOr((await params).locale)
  const name = t(locale).siteName
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: name, template: `%s – ${name}` },
    applicationName: name,
  }
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1a2e' },
  ],
}

/**
 * The public portal's root layout: one per locale, so `<html lang>` is right on every page.
 * Unknown first segments render the German shell around their 404.
 */
export default async function LocaleLayout({ children, params }: Props) {
  const locale = localeOr((await params).locale)
  const preview = (await draftMode()).isEnabled
  return (
    <html lang={locale}>
      <body>
        {preview ? <PreviewBanner locale={locale} path={paths.home(locale)} /> : null}
        <SiteHeader locale={locale} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter locale={locale} />
        {preview ? <LivePreviewRefresh /> : null}
      </body>
    </html>
  )
}
