/**
 * Whether a request is a step a signer is taking right now: sending the signing form, a
 * confirmation or a withdrawal, or opening the page that says how it went. Admission (the
 * edge) gives these the highest priority: they are never refused by limits meant for
 * anonymous uncached browsing, since the person just acted and waits for the answer.
 *
 * Only the method and URL are looked at (no body, no headers), so it is cheap and can run
 * before anything else. A GraphQL mutation (`signDeclaration` …) is not recognisable here
 * without its body; its JSON client is an API client and retries on a 503.
 */
export type RequestLine = { method?: string; originalUrl?: string; url?: string }

/** The form endpoints of src/cms/signatures/endpoints.ts. */
const ACTION = /^\/api\/signatories\/(sign|confirm|withdraw)\/?$/
/** The "check your mail" page after signing. */
const SENT = /^\/[a-z]{2}\/declaration\/sign\/sent\/?$/
/** The confirm and withdraw pages: opened from the mail's link, or showing the result. */
const RESULT = /^\/[a-z]{2}\/declaration\/(confirm|withdraw)\/?$/
/** The signing form page (a step only when shown again after a refusal, `?error=…`). */
const FORM = /^\/[a-z]{2}\/declaration\/sign\/?$/

/** Whether `path` is the signing form's page, in any locale. */
export const isSigningFormPage = (path: string): boolean => FORM.test(path)

export function isSigningStep(req: RequestLine): boolean {
  const url = req.originalUrl ?? req.url ?? ''
  const queryAt = url.indexOf('?')
  const path = queryAt === -1 ? url : url.slice(0, queryAt)
  const query = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1))
  const method = (req.method ?? 'GET').toUpperCase()
  if (method === 'POST') return ACTION.test(path)
  if (method !== 'GET' && method !== 'HEAD') return false
  if (SENT.test(path)) return true
  if (RESULT.test(path)) return query.has('token') || query.has('result')
  return isSigningFormPage(path) && query.has('error')
}
