'use client'

import { createElement, useEffect, useState } from 'react'

import type { Locale } from '@/core/locales'
import { decodeChallenge } from '@/cms/signatures/formPlaceholders'

/**
 * The ALTCHA widget (the `altcha` package, bundled and served from the portal's own origin):
 * it solves the page's proof-of-work challenge in the browser and puts the solution into the
 * form's `altcha` field. Loaded only in the browser; without JavaScript nothing shows. The
 * challenge is JSON, or `encoded` as the signing page carries it (src/cms/signatures/
 * formPlaceholders.ts); one that does not decode shows no widget, and the form goes without a
 * proof (to moderation).
 */
export function ProofWidget({
  challenge,
  encoded = false,
  locale,
  label,
}: {
  challenge: string
  encoded?: boolean
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
  const json = encoded ? decodeChallenge(challenge) : challenge
  if (!ready || json === null) return null
  return (
    <div role="group" aria-label={label}>
      {createElement('altcha-widget', {
        challenge: json,
        name: 'altcha',
        auto: 'onload',
        language: locale,
        hidelogo: true,
        hidefooter: true,
      })}
    </div>
  )
}
