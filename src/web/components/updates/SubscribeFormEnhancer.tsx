'use client'

import { useEffect, useState } from 'react'

import type { Locale } from '@/core/locales'

import { ProofWidget } from '../signing/ProofWidget'

type Form = { formToken: string; challenge: string }

/**
 * Fills in the cached form's per-visitor parts: once someone starts on the address field, a
 * fresh stamp and proof-of-work challenge come from `/api/subscribers/form` (never cached) and
 * the widget solves it while they type. Nothing is fetched for visitors who only read the page.
 */
export function SubscribeFormEnhancer({
  formId,
  locale,
  label,
}: {
  formId: string
  locale: Locale
  label: string
}) {
  const [form, setForm] = useState<Form | null>(null)
  useEffect(() => {
    const element = document.getElementById(formId)
    if (!element) return
    let asked = false
    let pause: ReturnType<typeof setTimeout> | undefined
    const ask = async () => {
      if (asked) return
      asked = true
      let res: Response | null = null
      try {
        res = await fetch('/api/subscribers/form', { headers: { Accept: 'application/json' } })
        if (!res.ok) throw new Error(`form parts answered ${res.status}`)
        const body = (await res.json()) as { formToken: string; challenge: unknown }
        setForm({ formToken: body.formToken, challenge: JSON.stringify(body.challenge) })
      } catch {
        // Asked again on a keystroke or focus once the pause the portal asked for is over (a
        // busy portal's Retry-After, else 2 s): a reader typing on never sends one request per
        // key. Without a stamp the form is still sent, and the double opt-in is the check.
        const seconds = Number(res?.headers.get('retry-after')) || 2
        pause = setTimeout(() => (asked = false), Math.min(seconds, 30) * 1000)
      }
    }
    element.addEventListener('focusin', ask)
    element.addEventListener('input', ask)
    // Someone who started typing before the page's script ran gets the same as a later typist.
    if (element.contains(document.activeElement)) void ask()
    // Says the form's parts come in the background from now on.
    element.dataset.enhanced = ''
    return () => {
      clearTimeout(pause)
      element.removeEventListener('focusin', ask)
      element.removeEventListener('input', ask)
      delete element.dataset.enhanced
    }
  }, [formId])
  if (!form) return null
  return (
    <>
      <input type="hidden" name="formToken" value={form.formToken} />
      <ProofWidget challenge={form.challenge} locale={locale} label={label} />
    </>
  )
}
