import crypto from 'node:crypto'

import type { FieldError, FieldName, FieldProblem } from './input'

/**
 * What a signer typed into a form that was refused, for the form without JavaScript: the form is
 * shown again filled in, as the JavaScript form keeps it. The values never go into the URL (nor
 * a log): they travel in a cookie, sealed (AES-256-GCM with a key derived from Payload's secret),
 * HttpOnly, valid for the signing page of one language and for ten minutes only.
 */
export const DRAFT_COOKIE = 'signature-draft'
const MAX_AGE_SECONDS = 600

/** The fields the form shows again, each cut to a length no accepted value exceeds. */
const KEPT: Record<string, number> = {
  name: 120,
  email: 254,
  kind: 20,
  organization: 160,
  roleTitle: 120,
  sector: 40,
  country: 2,
  display: 20,
  consentToUpdates: 3,
}

export type FormDraft = Partial<Record<keyof typeof KEPT, string>>

const keyOf = (secret: string) =>
  crypto.createHmac('sha256', secret).update('initiative-portal/signature-draft/v1').digest()

/** The sealed cookie value of what was typed. */
export function sealDraft(
  secret: string,
  fields: Record<string, string>,
  now = Date.now(),
): string {
  const kept: FormDraft = {}
  for (const [name, max] of Object.entries(KEPT)) {
    const value = fields[name]
    if (typeof value === 'string' && value) kept[name] = value.slice(0, max)
  }
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', keyOf(secret), iv)
  const plain = JSON.stringify({ exp: now + MAX_AGE_SECONDS * 1000, fields: kept })
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.')
}

/** What was typed, or null when the cookie is missing, expired, altered or not ours. */
export function openDraft(secret: string, cookie: unknown, now = Date.now()): FormDraft | null {
  if (typeof cookie !== 'string' || cookie.length > 4096) return null
  const [iv, tag, sealed] = cookie.split('.').map((part) => Buffer.from(part, 'base64url'))
  if (!iv || iv.length !== 12 || !tag || tag.length !== 16 || !sealed) return null
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keyOf(secret), iv)
    decipher.setAuthTag(tag)
    const plain = Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8')
    const { exp, fields } = JSON.parse(plain) as { exp: number; fields: FormDraft }
    return exp > now ? fields : null
  } catch {
    return null
  }
}

/** The `Set-Cookie` header that keeps (or, with null, forgets) the draft for one language. */
export function draftCookieHeader(locale: string, sealed: string | null, secure: boolean): string {
  return [
    `${DRAFT_COOKIE}=${sealed ?? ''}`,
    `Path=/${locale}/declaration/sign`,
    `Max-Age=${sealed ? MAX_AGE_SECONDS : 0}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ')
}

/** `name:link,email:invalid`: the problems of a refusal as the page's URL names them. */
export const problemsParameter = (fields: FieldError[]) =>
  [...new Map(fields.map((f) => [f.field, `${f.field}:${f.problem}`])).values()].join(',')

/** The problems the URL names, for the fields the form has. */
export function readProblems(
  value: string | undefined,
  known: readonly FieldName[],
): Partial<Record<FieldName, FieldProblem>> {
  const problems: Partial<Record<FieldName, FieldProblem>> = {}
  const kinds: readonly string[] = ['required', 'invalid', 'link', 'markup', 'control', 'too long']
  for (const entry of (value ?? '').split(',').slice(0, 10)) {
    const [field, problem = 'invalid'] = entry.split(':')
    if ((known as readonly string[]).includes(field!) && kinds.includes(problem)) {
      problems[field as FieldName] = problem as FieldProblem
    }
  }
  return problems
}
