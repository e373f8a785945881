import type { PayloadRequest } from 'payload'

import { RateLimitedError } from '@/operations/rateLimiterStore'

/**
 * The fields of a form post (urlencoded, or multipart where allowed), each with its first value;
 * null when the body is no such form or longer than `maxBytes`. The edge refuses bodies over
 * FORM_BODY_MAX_BYTES before this reads them.
 */
export async function formFields(
  req: PayloadRequest,
  { maxBytes, multipart = false }: { maxBytes: number; multipart?: boolean },
): Promise<Record<string, string> | null> {
  const type = req.headers.get('content-type') ?? ''
  try {
    if (type.startsWith('application/x-www-form-urlencoded')) {
      const body = (await req.text?.()) ?? ''
      if (body.length > maxBytes) return null
      const fields: Record<string, string> = {}
      for (const [name, value] of new URLSearchParams(body)) {
        if (!(name in fields)) fields[name] = value
      }
      return fields
    }
    if (multipart && type.startsWith('multipart/form-data') && req.formData) {
      const fields: Record<string, string> = {}
      for (const [name, value] of await req.formData()) {
        if (typeof value === 'string' && !(name in fields)) fields[name] = value
      }
      return fields
    }
  } catch {
    return null
  }
  return null
}

/** Whether the client reads JSON (a page's script, a frontend) rather than following redirects. */
export const wantsJson = (req: PayloadRequest): boolean =>
  /application\/json/i.test(req.headers.get('accept') ?? '')

/** A browser without JavaScript follows a 303 to the page that says how it went. */
export const seeOther = (path: string, headers: Record<string, string> = {}): Response =>
  new Response(null, {
    status: 303,
    headers: { Location: path, 'Cache-Control': 'no-store', ...headers },
  })

/** A JSON answer no cache keeps. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

/** A refusal by a rate limit: a 303 to `back?error=rate-limited`, or a 429 with Retry-After. */
export function rateLimited(req: PayloadRequest, error: RateLimitedError, back: string): Response {
  if (!wantsJson(req)) return seeOther(`${back}?error=rate-limited`)
  const message = `Too many requests from this address. Please try again in ${error.retryAfterSeconds} s.`
  return json(
    429,
    { errors: [{ message, code: 'RATE_LIMITED' }] },
    { 'Retry-After': String(error.retryAfterSeconds) },
  )
}
