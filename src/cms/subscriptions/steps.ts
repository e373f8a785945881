import type { RequestLine } from '@/cms/signatures/signingStep'

/** The one-click unsubscribe endpoint (src/cms/subscriptions/endpoints.ts). */
const UNSUBSCRIBE = /^\/api\/subscribers\/unsubscribe\/?$/

/**
 * Whether a request is an unsubscribe POST: authorised by its token alone and exempt from the
 * per-address limits of public writes. Mailbox providers send these from a few servers,
 * thousands at once after an update (RFC 8058); each costs one HMAC and at most one delete.
 */
export function isUnsubscribe(req: RequestLine): boolean {
  if ((req.method ?? 'GET').toUpperCase() !== 'POST') return false
  const url = req.originalUrl ?? req.url ?? ''
  const queryAt = url.indexOf('?')
  return UNSUBSCRIBE.test(queryAt === -1 ? url : url.slice(0, queryAt))
}
