import type { Request, Response } from 'express'

import { draftCookieHeader, sealDraft } from '@/cms/signatures/formDraft'
import type { Priority } from '@/edge/load/priorities'
import { countRefusal } from '@/observability/metrics/count'

import { readFormBody } from './formBody'
import { requesterLanguage } from './language'
import { tryAgainPage, type PageLanguage } from './tryAgainPage'
import { hasBody, refuseUnread } from './unread'
import { wordsIn } from './wording'

/** What a refused signer's form needs: its largest body, and the secret its draft is sealed with. */
export type FormKeeping = { maxBytes: number; secret: string }

type Refusal = {
  status: 429 | 503
  retryAfterSeconds: number
  message: string
  code: 'RATE_LIMITED' | 'OVERLOADED'
}

/**
 * The 429 every per-client limit answers: this one client (address, account) is over its own
 * limit, whatever the load.
 */
export function refuseRateLimited(
  req: Request,
  res: Response,
  retryAfterSeconds: number,
  scope: 'address' | 'account',
): void {
  countRefusal('rate', scope === 'address' ? 'per_address' : 'per_account')
  const message = wordsIn(requesterLanguage(req, 'en')).rateLimited(scope, retryAfterSeconds)
  refuse(req, res, { status: 429, retryAfterSeconds, message, code: 'RATE_LIMITED' })
}

/** The 503 of a request that waited its turn while the process stayed saturated. */
export function refuseForLoad(
  req: Request,
  res: Response,
  retryAfterSeconds: number,
  priority: Priority,
  forms: FormKeeping,
): void {
  countRefusal('load', priority.replace(/ /g, '_'))
  const message = wordsIn(requesterLanguage(req, 'en')).busy(retryAfterSeconds)
  const refusal: Refusal = { status: 503, retryAfterSeconds, message, code: 'OVERLOADED' }
  if (wantsPage(req) && SIGNING_FORM.test(req.path)) {
    void keepSignersForm(req, res, refusal, forms)
    return
  }
  refuse(req, res, refusal)
}

/**
 * The one place a refusal is answered: APIs (GraphQL, JSON clients) get Payload's error shape;
 * a person's browser gets a page in the page's language that tries again by itself. A refused
 * request's body is never read (its connection closes after the answer), except a signer's form.
 */
function refuse(req: Request, res: Response, refusal: Refusal): void {
  const send = () => answer(req, res, refusal, { next: retryTarget(req), keptForm: false })
  if (hasBody(req)) return refuseUnread(req, res, send)
  send()
}

function answer(
  req: Request,
  res: Response,
  refusal: Refusal,
  page: { next: string; keptForm: boolean; language?: PageLanguage },
): void {
  res.setHeader('Retry-After', String(refusal.retryAfterSeconds))
  res.setHeader('Cache-Control', 'no-store')
  res.status(refusal.status)
  if (!wantsPage(req)) {
    res.json({
      errors: [
        {
          message: refusal.message,
          extensions: { code: refusal.code, retryAfter: refusal.retryAfterSeconds },
        },
      ],
    })
    return
  }
  const language = page.language ?? requesterLanguage(req, 'de')
  res.type('html').send(
    tryAgainPage({
      language,
      status: refusal.status,
      retryAfterSeconds: refusal.retryAfterSeconds,
      next: page.next,
      keptForm: page.keptForm,
    }),
  )
}

/** The signing form's endpoint, which a browser without JavaScript posts to. */
const SIGNING_FORM = /^\/api\/signatories\/sign\/?$/

/**
 * A signer's form refused without JavaScript: what they typed is sealed into the signing page's
 * draft cookie (as the form's own refusals do: never in a URL or a log), and the page they
 * return to shows it again.
 */
async function keepSignersForm(
  req: Request,
  res: Response,
  refusal: Refusal,
  forms: FormKeeping,
): Promise<void> {
  const fields = await readFormBody(req, forms.maxBytes)
  const locale = fields?.get('locale') === 'en' ? 'en' : 'de'
  if (fields) {
    const secure = req.secure || req.protocol === 'https'
    const sealed = sealDraft(forms.secret, Object.fromEntries(fields))
    res.setHeader('Set-Cookie', draftCookieHeader(locale, sealed, secure))
  }
  const next = `/${locale}/declaration/sign?error=busy`
  const send = () =>
    answer(req, res, refusal, { next, keptForm: fields !== null, language: locale })
  // A body too large or too slow was not read to its end: drop the rest, as any refusal does.
  if (!fields) return refuseUnread(req, res, send)
  send()
}

/** A browser asking for a page (or posting a form), not an API client. */
function wantsPage(req: Request): boolean {
  if (req.path === '/api/graphql' || req.headers.rsc === '1') return false
  return (req.get('accept') ?? '').includes('text/html')
}

/**
 * Where the page goes once the wait is over: the same page for a read; for a form sent from one
 * of our pages, that page (the `Referer`, our own origin only); else the home page.
 */
function retryTarget(req: Request): string {
  if (req.method === 'GET' || req.method === 'HEAD') return ownPath(req.originalUrl)
  const referer = req.get('referer')
  if (referer) {
    try {
      const from = new URL(referer)
      if (from.host === req.get('host')) return ownPath(from.pathname + from.search)
    } catch {
      // not a URL: the home page below
    }
  }
  return `/${requesterLanguage(req, 'de')}`
}

/** A path on this site: `//elsewhere` would leave it. */
const ownPath = (path: string) => `/${path.replace(/^[/\\]+/, '')}`
