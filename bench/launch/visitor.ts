/**
 * One new visitor of the launch-day scenario, as a browser would be: the home page, the
 * declaration and the signing form (the HTML each; the hashed static assets a browser would also
 * fetch are left out: they are files served from disk and cached for a year), with a pause
 * between pages; then either a signature a few seconds after the form arrived, the proof of work
 * solved meanwhile, or an article and a search. Each request counts in the step it was sent in.
 */
import type { Challenge } from 'altcha-lib'

import { HARDER_TRIES, moreWorkChallenge } from '../../src/web/components/signing/harderProof'
import { readSigningForm, signerFields, solve } from './signing'
import type { Tally } from './tally'

export type VisitorContext = {
  url: string
  /** A tag of this run, so that signers' e-mail addresses are new in every run. */
  run: string
  /** Published news slugs per locale, for the article a reader opens. */
  articles: Record<'de' | 'en', string[]>
  /** The tally of the step running now. */
  current: () => Tally
  /** Visitors whose session has not ended yet. */
  active: { count: number }
}

/** A fifth of the visitors: one institute behind one address (its proxy or NAT). */
const SHARED_ADDRESS = '192.0.2.77'
const REQUEST_TIMEOUT_MS = 30_000
const searches = ['Daten', 'open data', 'Klimaforschung', 'Sprachmodelle', 'KI Europa', 'Modele']

/** As SignFormEnhancer's RETRIES_WHEN_BUSY. */
const BUSY_RETRIES = 5
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const between = (min: number, max: number) => min + Math.random() * (max - min)
/** Each visitor's own address: 10.0.0.0/8 by the visitor's number. */
const ownAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`

type Answer = { status: number | 'error'; text: string; retryAfter?: number }

const jsonOf = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

async function request(
  ctx: VisitorContext,
  address: string,
  path: string,
  init: RequestInit = {},
): Promise<Answer> {
  const tally = ctx.current()
  const started = performance.now()
  try {
    const res = await fetch(ctx.url + path, {
      ...init,
      headers: {
        accept: 'text/html,application/xhtml+xml',
        'accept-language': 'de-DE,de;q=0.9,en;q=0.8',
        'user-agent': 'Mozilla/5.0 (launch-day bench)',
        'x-forwarded-for': address,
        ...(init.headers as Record<string, string> | undefined),
      },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    const text = await res.text()
    const moreWork = res.status === 400 && moreWorkChallenge(jsonOf(text)) !== null
    tally.request(res.status, performance.now() - started, moreWork)
    return { status: res.status, text, retryAfter: Number(res.headers.get('retry-after')) || 2 }
  } catch {
    tally.request('error', performance.now() - started)
    return { status: 'error', text: '' }
  }
}

async function sign(
  ctx: VisitorContext,
  address: string,
  locale: 'de' | 'en',
  form: Answer,
  n: number,
) {
  const arrived = performance.now()
  const parsed = form.status === 200 ? readSigningForm(form.text) : null
  if (!parsed) {
    // No form to fill in (refused or failed): the signer could not sign.
    ctx.current().signature(false, `no form (${form.status})`)
    return
  }
  const altcha = await solve(parsed.challenge)
  // Typing takes a few seconds (the form refuses what comes sooner than SIGNATURE_MIN_SECONDS).
  await sleep(Math.max(0, between(4000, 8000) - (performance.now() - arrived)))
  const fields = signerFields(parsed, altcha, locale, ctx.run, n)
  const send = () =>
    request(ctx, address, '/api/signatories/sign', {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
        origin: ctx.url,
      },
      body: fields.toString(),
    })
  // What SignFormEnhancer does: a 503 is waited out (Retry-After) and sent again, up to five
  // times; a 400 more-work (a busy address or domain) has its harder challenge solved and is
  // sent again, up to twice, then once more without a proof, accepted for moderation.
  let answer = await send()
  for (let retry = 0; answer.status === 503 && retry < BUSY_RETRIES; retry++) {
    await sleep(Math.min(answer.retryAfter ?? 2, 30) * 1000)
    answer = await send()
  }
  for (let tries = 0; answer.status === 400; tries++) {
    const challenge = moreWorkChallenge(jsonOf(answer.text)) as Challenge | null
    if (!challenge) break
    const proof = tries < HARDER_TRIES ? await solve(challenge) : null
    if (proof) fields.set('altcha', proof)
    else fields.delete('altcha')
    answer = await send()
    if (!proof) break
  }
  if (answer.status === 200) return ctx.current().signature(true, '')
  let code = ''
  try {
    const error = (
      JSON.parse(answer.text) as { errors?: { code?: string; extensions?: { code?: string } }[] }
    ).errors?.[0]
    code = error?.code ?? error?.extensions?.code ?? ''
  } catch {
    // Not JSON: the status says it.
  }
  ctx.current().signature(false, `${answer.status}${code ? ` ${code}` : ''}`)
}

/** Visitor number `n`: even numbers sign, odd ones read an article and search. */
export async function visit(ctx: VisitorContext, n: number): Promise<void> {
  ctx.active.count++
  ctx.current().visitors++
  try {
    const address = n % 5 === 0 ? SHARED_ADDRESS : ownAddress(n)
    const locale = n % 3 === 0 ? 'en' : 'de'
    await request(ctx, address, `/${locale}`)
    await sleep(between(500, 1500))
    await request(ctx, address, `/${locale}/declaration`)
    await sleep(between(1000, 3000))
    const form = await request(ctx, address, `/${locale}/declaration/sign`)
    if (n % 2 === 0) return await sign(ctx, address, locale, form, n)
    await sleep(between(1000, 2000))
    const articles = ctx.articles[locale]
    if (articles.length)
      await request(ctx, address, `/${locale}/news/${articles[n % articles.length]}`)
    await sleep(between(1000, 3000))
    const q = encodeURIComponent(searches[n % searches.length]!)
    await request(ctx, address, `/${locale}/search?q=${q}`)
  } finally {
    ctx.active.count--
  }
}
