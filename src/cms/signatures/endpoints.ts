import type { Endpoint, PayloadRequest } from 'payload'

import { asLanguage } from '@/operations/mail/recipientLanguage'
import { RateLimitedError } from '@/operations/rateLimiterStore'
import { clientAddressOf } from '@/core/clientAddressHeader'
import { formFields, json, rateLimited, seeOther, wantsJson } from '@/cms/forms/formPost'

import { exportPersonalData, exportSignaturesCsv } from './export'
import { MoreWorkNeeded, SignatureRefused } from './errors'
import { confirmSignature, signDeclaration, withdrawSignature } from './flow'
import { draftCookieHeader, problemsParameter, sealDraft } from './formDraft'

/** The longest form body read here; the edge refuses larger ones first (FORM_BODY_MAX_BYTES). */
const MAX_FORM_BYTES = 64 * 1024

const readForm = (req: PayloadRequest) =>
  formFields(req, { maxBytes: MAX_FORM_BYTES, multipart: true })

/** The signing form's draft cookie (src/cms/signatures/formDraft.ts): kept after a refusal, else gone. */
function draftCookie(req: PayloadRequest, locale: string, fields: Record<string, string> | null) {
  const secure = (req.payload.config.serverURL ?? '').startsWith('https:')
  const sealed = fields ? sealDraft(req.payload.secret, fields) : null
  return { 'Set-Cookie': draftCookieHeader(locale, sealed, secure) }
}

function refusal(
  req: PayloadRequest,
  error: unknown,
  back: string,
  /** Without JavaScript, the signing form shows these again (never in the URL). */
  draft?: { locale: string; fields: Record<string, string> },
): Response {
  if (error instanceof RateLimitedError) return rateLimited(req, error, back)
  if (error instanceof MoreWorkNeeded) {
    // Asked only of a client that said it reads JSON (canDoMoreWork below).
    const { code, challenge } = error.data
    return json(400, { errors: [{ message: error.message, code, challenge }] })
  }
  if (error instanceof SignatureRefused) {
    const { code, fields } = error.data
    if (!wantsJson(req)) {
      // The problems by field and kind ("name:link"), as the JavaScript form names them.
      const query = new URLSearchParams({ error: code })
      if (fields?.length) query.set('fields', problemsParameter(fields))
      const headers = draft ? draftCookie(req, draft.locale, draft.fields) : {}
      return seeOther(`${back}?${query}`, headers)
    }
    return json(400, { errors: [{ message: error.message, code, fields: fields ?? [] }] })
  }
  throw error
}

const sign: Endpoint = {
  path: '/sign',
  method: 'post',
  handler: async (req) => {
    const fields = await readForm(req)
    const locale = asLanguage(fields?.locale)
    const back = `/${locale}/declaration/sign`
    if (!fields) {
      return json(400, { errors: [{ message: 'Send the form as a form (urlencoded).' }] })
    }
    try {
      await signDeclaration(
        req.payload,
        fields,
        {
          formToken: fields.formToken,
          proof: fields.altcha,
          honeypot: fields.website,
          canDoMoreWork: wantsJson(req),
        },
        clientAddressOf(req.headers),
      )
    } catch (error) {
      return refusal(req, error, back, { locale, fields })
    }
    if (wantsJson(req)) return json(200, { accepted: true })
    return seeOther(`${back}/sent`, draftCookie(req, locale, null))
  },
}

/** The confirm and withdraw buttons of the pages the mail's links open. */
function tokenEndpoint(
  path: '/confirm' | '/withdraw',
  apply: typeof confirmSignature | typeof withdrawSignature,
): Endpoint {
  return {
    path,
    method: 'post',
    handler: async (req) => {
      const fields = await readForm(req)
      const locale = asLanguage(fields?.locale)
      const back = `/${locale}/declaration${path}`
      let outcome: string
      try {
        outcome = await apply(req.payload, fields?.token, clientAddressOf(req.headers))
      } catch (error) {
        return refusal(req, error, back)
      }
      if (wantsJson(req)) return json(outcome === 'invalid' ? 400 : 200, { outcome })
      return seeOther(`${back}?result=${outcome}`)
    },
  }
}

export const signatureEndpoints: Endpoint[] = [
  sign,
  tokenEndpoint('/confirm', confirmSignature),
  tokenEndpoint('/withdraw', withdrawSignature),
  { path: '/export.csv', method: 'get', handler: exportSignaturesCsv },
  { path: '/:id/personal-data', method: 'get', handler: exportPersonalData },
]
