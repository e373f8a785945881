import type { Payload } from 'payload'

import { issueSignatureForm } from '@/cms/signatures/form'

import * as restRoute from '../../src/app/(payload)/api/[...slug]/route'

import { solvedProof } from './proofOfWork'

export { solvedProof }

/** A fresh form as a render of the signing page issues it, with its proof of work solved. */
export async function solvedForm(payload: Payload, issuedAt?: number) {
  const form = await issueSignatureForm(payload.secret, issuedAt)
  return { formToken: form.formToken, altcha: await solvedProof(form.challenge) }
}

let counter = 0
/**
 * A signer's fields as the form sends them; a new address (at a domain of its own, so the
 * per-domain limit is never shared) each time unless one is given.
 */
export function signerFields(overrides: Record<string, string> = {}): Record<string, string> {
  counter += 1
  const id = `${Date.now().toString(36)}-${counter}`
  return {
    name: `Jörg Bienert ${counter}`,
    email: `signer-${id}@d${id}.example.org`,
    kind: 'person',
    organization: 'Web.de',
    roleTitle: 'Vorstand',
    sector: 'industry',
    country: 'DE',
    display: 'named',
    locale: 'de',
    ...overrides,
  }
}

/**
 * A form post to one of the signature endpoints (/api/signatories/…) through the REST route the
 * server mounts, as a browser without JavaScript sends it (or with `Accept: application/json`
 * as the page's script does). `client` plays the address express passes along.
 */
export async function postForm(
  action: 'sign' | 'confirm' | 'withdraw',
  fields: Record<string, string>,
  { json = false, client }: { json?: boolean; client?: string } = {},
): Promise<{ status: number; location: string | null; body: Record<string, unknown> | null }> {
  const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' })
  if (json) headers.set('Accept', 'application/json')
  if (client) headers.set('x-portal-client-address', client)
  const request = new Request(`http://localhost:3000/api/signatories/${action}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(fields).toString(),
  })
  const response = await restRoute.POST(request, {
    params: Promise.resolve({ slug: ['signatories', action] }),
  })
  const text = await response.text()
  return {
    status: response.status,
    location: response.headers.get('location'),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  }
}

/** The token of a link in a mail's text (`…/confirm?token=…`). */
export function tokenIn(text: string, kind: 'confirm' | 'withdraw'): string {
  const match = new RegExp(`/declaration/${kind}\\?token=([A-Za-z0-9_-]+)`).exec(text)
  if (!match) throw new Error(`no ${kind} link in: ${text}`)
  return match[1]!
}
