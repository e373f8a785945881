'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

import type { Locale } from '@/core/locales'

import { signatureWords } from '../../signatureWords'
import { HARDER_TRIES, moreWorkChallenge, solveHarder } from './harderProof'

/** How often the form is sent again by itself while the portal answers 503 (busy). */
const RETRIES_WHEN_BUSY = 5

type Refusal = { message?: string; code?: string; fields?: { field: string; problem: string }[] }
type Words = ReturnType<typeof signatureWords>

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Marks one field as wrong, with the problem said beside it and linked from its description. */
function markField(form: HTMLFormElement, field: string, text: string): void {
  const input = form.querySelector<HTMLElement>(`#field-${field}`)
  if (!input) return
  input.setAttribute('aria-invalid', 'true')
  const note = document.createElement('span')
  note.className = 'field-error'
  note.id = `${field}-live-error`
  note.dataset.liveError = ''
  note.textContent = text
  input.insertAdjacentElement('afterend', note)
  const described = input.getAttribute('aria-describedby') ?? ''
  if (!described.includes(note.id)) {
    input.setAttribute('aria-describedby', `${described} ${note.id}`.trim())
  }
}

/** Announces a refusal in the form's alert region, with a link to each field it names. */
function showProblems(form: HTMLFormElement, w: Words, text: string, fields: Refusal['fields']) {
  const summary = form.querySelector<HTMLElement>('#sign-errors')!
  for (const node of form.querySelectorAll('[data-live-error]')) node.remove()
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid')
  summary.replaceChildren()
  const heading = document.createElement('h2')
  heading.textContent = w.errorsHeading
  const message = document.createElement('p')
  message.textContent = text
  summary.append(heading, message)
  if (fields?.length) {
    const list = document.createElement('ul')
    for (const { field, problem } of fields) {
      const label = w.field[field as keyof typeof w.field] ?? field
      const said = w.problem[problem as keyof typeof w.problem] ?? problem
      const item = document.createElement('li')
      const link = document.createElement('a')
      link.href = `#field-${field}`
      link.textContent = `${label} ${said}`
      item.append(link)
      list.append(item)
      markField(form, field, `${label} ${said}`)
    }
    summary.append(list)
  }
  summary.focus()
}

/** The widget fills `altcha` once it has solved the challenge; gives it up to 10 s. */
async function withProof(form: HTMLFormElement): Promise<FormData> {
  const data = new FormData(form)
  for (let i = 0; i < 100 && !data.get('altcha'); i++) {
    await pause(100)
    const proof = form.querySelector<HTMLInputElement>('input[name="altcha"]')?.value
    if (proof) data.set('altcha', proof)
  }
  return data
}

/**
 * Sends the form; while the portal is saturated, waits as long as it asks and sends again. Past
 * a busy address's or domain's threshold the server asks for more work: the widget solves the
 * harder challenge and the form goes again. If it cannot (or the work needed rose meanwhile,
 * twice), the form goes once more without a proof, accepted for moderation.
 */
async function send(form: HTMLFormElement, data: FormData): Promise<Response> {
  const post = () =>
    fetch(form.action, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: new URLSearchParams(data as unknown as Record<string, string>),
    })
  let response = await post()
  for (let retry = 0; response.status === 503 && retry < RETRIES_WHEN_BUSY; retry++) {
    const seconds = Number(response.headers.get('retry-after')) || 2
    await pause(Math.min(seconds, 30) * 1000)
    response = await post()
  }
  for (let tries = 0; response.status === 400; tries++) {
    const challenge = moreWorkChallenge(
      await response
        .clone()
        .json()
        .catch(() => null),
    )
    if (!challenge) break
    const proof = tries < HARDER_TRIES ? await solveHarder(form, challenge) : null
    if (proof) data.set('altcha', proof)
    else data.delete('altcha')
    response = await post()
    if (!proof) break
  }
  return response
}

/** What a refused form says: the portal's own words for its known refusals. */
async function refusalOf(response: Response, w: Words): Promise<[string, Refusal['fields']]> {
  const body = (await response.json().catch(() => null)) as { errors?: Refusal[] } | null
  const refusal = body?.errors?.[0] ?? {}
  const code =
    response.status === 429
      ? 'rate-limited'
      : response.status === 503
        ? 'busy'
        : (refusal.code ?? 'failed')
  return [w.form[code] ?? refusal.message ?? w.form.failed, refusal.fields]
}

/**
 * With JavaScript, the signing form is sent in the background: what was typed stays, problems
 * are announced in the form's alert region and marked on their fields, and success goes to
 * the "check your mail" page. Waits for the proof of work before sending.
 */
export function SignFormEnhancer({ formId, locale }: { formId: string; locale: Locale }) {
  const router = useRouter()
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null
    if (!form) return
    const w = signatureWords(locale)
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!
    const onSubmit = async (event: SubmitEvent) => {
      event.preventDefault()
      const data = await withProof(form)
      button.disabled = true
      button.textContent = w.sending
      try {
        const response = await send(form, data)
        if (response.ok) return router.push(`/${locale}/declaration/sign/sent`)
        const [text, fields] = await refusalOf(response, w)
        showProblems(form, w, text, fields)
      } catch {
        showProblems(form, w, w.form.failed, [])
      } finally {
        button.disabled = false
        button.textContent = w.submit
      }
    }
    form.addEventListener('submit', onSubmit)
    // Says the form is sent in the background from now on (a click before this is a plain post).
    form.dataset.enhanced = ''
    return () => {
      form.removeEventListener('submit', onSubmit)
      delete form.dataset.enhanced
    }
  }, [formId, locale, router])
  return null
}
