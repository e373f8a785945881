import type { Endpoint, PayloadRequest } from 'payload'

import { issueSignatureForm } from '@/cms/signatures/form'
import { clientAddressOf } from '@/core/clientAddressHeader'
import { formFields, json, rateLimited, seeOther, wantsJson } from '@/cms/forms/formPost'
import { asLanguage } from '@/operations/mail/recipientLanguage'
import { RateLimitedError } from '@/operations/rateLimiterStore'

import { SubscriptionRefused } from './errors'
import { confirmSubscription, subscribe, unsubscribe } from './flow'

/** A subscribe form is an address and a few hidden fields. */
const readForm = (req: PayloadRequest) => formFields(req, { maxBytes: 8 * 1024 })

/** A refusal as JSON for scripts, or a page that says it for a browser without JavaScript. */
function refusal(req: PayloadRequest, error: unknown, back: string): Response {
  if (error instanceof RateLimitedError) return rateLimited(req, error, back)
  if (error instanceof SubscriptionRefused) {
    const code = error.data?.code ?? 'email'
    if (!wantsJson(req)) return seeOther(`${back}?error=${code}`)
    return json(400, { errors: [{ message: error.message, code }] })
  }
  throw error
}

/** POST /api/subscribers/subscribe: the subscribe form of the home, news and declaration pages. */
const subscribeEndpoint: Endpoint = {
  path: '/subscribe',
  method: 'post',
  handler: async (req) => {
    const fields = await readForm(req)
    if (!fields)
      return json(400, {
        errors: [{ message: 'Send the form as a form (urlencoded), at most 8 KB.' }],
      })
    const locale = asLanguage(fields.locale)
    const back = `/${locale}/updates/subscribe`
    try {
      await subscribe(
        req.payload,
        { email: fields.email, locale },
        { formToken: fields.formToken, proof: fields.altcha, honeypot: fields.website },
        clientAddressOf(req.headers),
      )
    } catch (error) {
      return refusal(req, error, back)
    }
    return wantsJson(req) ? json(200, { accepted: true }) : seeOther(`${back}?result=sent`)
  },
}

/** GET /api/subscribers/form: a fresh stamp and proof-of-work challenge for a cached page's form. */
const formEndpoint: Endpoint = {
  path: '/form',
  method: 'get',
  handler: async (req) => {
    const form = await issueSignatureForm(req.payload.secret)
    return json(200, { formToken: form.formToken, challenge: form.challenge })
  },
}

/** POST /api/subscribers/confirm: the button of the page the confirmation mail's link opens. */
const confirmEndpoint: Endpoint = {
  path: '/confirm',
  method: 'post',
  handler: async (req) => {
    const fields = await readForm(req)
    const locale = asLanguage(fields?.locale)
    const outcome = await confirmSubscription(req.payload, fields?.token)
    if (wantsJson(req)) return json(outcome === 'subscribed' ? 200 : 400, { outcome })
    return seeOther(`/${locale}/updates/confirm?result=${outcome}`)
  },
}

/**
 * POST /api/subscribers/unsubscribe?token=…: RFC 8058's one-click unsubscribe (a mailbox
 * provider's POST with `List-Unsubscribe=One-Click`, no cookies) and the button of the
 * unsubscribe page (the token in the form). Authorised by the token alone; the edge does not
 * count it against the per-address limits of public writes (src/edge/admission.ts).
 */
const unsubscribeEndpoint: Endpoint = {
  path: '/unsubscribe',
  method: 'post',
  handler: async (req) => {
    const fields = (await readForm(req)) ?? {}
    const token = req.searchParams.get('token') ?? fields.token
    const outcome = await unsubscribe(req.payload, token)
    const oneClick = fields['List-Unsubscribe'] === 'One-Click'
    if (oneClick || wantsJson(req)) return json(outcome === 'invalid' ? 400 : 200, { outcome })
    return seeOther(`/${asLanguage(fields.locale)}/updates/unsubscribe?result=${outcome}`)
  },
}

/** A GET of the one-click URL (a mail client that opens it) unsubscribes nothing: the page asks. */
const unsubscribePageRedirect: Endpoint = {
  path: '/unsubscribe',
  method: 'get',
  handler: (req) => {
    const token = req.searchParams.get('token') ?? ''
    const locale = asLanguage(req.searchParams.get('locale'))
    return seeOther(
      `/${locale}/updates/unsubscribe?token=${encodeURIComponent(token.slice(0, 100))}`,
    )
  },
}

export const subscriptionEndpoints: Endpoint[] = [
  subscribeEndpoint,
  formEndpoint,
  confirmEndpoint,
  unsubscribeEndpoint,
  unsubscribePageRedirect,
]
