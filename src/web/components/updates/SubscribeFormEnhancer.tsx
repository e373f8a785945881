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
    const ask = async () => {
      if (asked) return
      asked = true
      try {
        const res = await fetch('/api/subscribers/form', {
          headers: { Accept: 'application/json' },
        })
        if (!res.ok) return
        const body = (await res.json()) as { formToken: string; challenge: unknown }
        setForm({ formToken: body.formToken, challenge: JSON.stringify(body.challenge) })
      } catch {
        // Without a stamp the form is still sent, and the double opt-in is the check.
      }
    }
    element.addEventListener('focusin', ask)
    return () => element.removeEventListener('focusin', ask)
  }, [formId])
  if (!form) return null
  return (
    <>
      <input type="hidden" name="formToken" value={form.formToken} />
      <ProofWidget challenge={form.challenge} locale={locale} label={label} />
    </>
  )
}
