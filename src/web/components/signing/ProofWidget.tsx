'use client'

import { createElement, useEffect, useState } from 'react'

import type { Locale } from '@/core/locales'

/**
 * The ALTCHA widget (the `altcha` package, bundled and served from the portal's own origin):
 * it solves the page's proof-of-work challenge in the browser and puts the solution into the
 * form's `altcha` field. Loaded only in the browser; without JavaScript nothing shows.
 */
export function ProofWidget({
  challenge,
  locale,
  label,
}: {
  challenge: string
  locale: Locale
  label: string
}) {
  const [ready, setReady] = useState(false)
  useEffect(() => {
    let live = true
    void (async () => {
      await import('altcha')
      if (locale === 'de') await import('altcha/i18n/de')
      if (live) setReady(true)
    })()
    return () => {
      live = false
    }
  }, [locale])
  if (!ready) return null
  return (
    <div role="group" aria-label={label}>
      {createElement('altcha-widget', {
        challenge,
        name: 'altcha',
        auto: 'onload',
        language: locale,
        hidelogo: true,
        hidefooter: true,
      })}
    </div>
  )
}
