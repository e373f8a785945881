import crypto from 'node:crypto'

/**
 * The token of a subscriber's unsubscribe links: their id and an HMAC of it under a key derived
 * from Payload's secret. Nothing is stored: every update carries it, and checking it costs one
 * HMAC, so the thousands of one-click POSTs a mailbox provider sends after an update need no
 * lookup before the delete. A resubscribed address has a new id, so an old link ends nothing new.
 */
const keyOf = (secret: string) =>
  crypto.createHmac('sha256', secret).update('initiative-portal/unsubscribe/v1').digest()

const mac = (secret: string, id: string) =>
  crypto.createHmac('sha256', keyOf(secret)).update(id).digest('base64url')

export function unsubscribeToken(secret: string, subscriberId: string | number): string {
  const id = String(subscriberId)
  return `${id}.${mac(secret, id)}`
}

/** The subscriber id a token names, or null when it is malformed or not ours. */
export function subscriberOfToken(secret: string, token: unknown): string | null {
  if (typeof token !== 'string' || token.length > 100) return null
  const match = /^([A-Za-z0-9-]{1,40})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return null
  const expected = Buffer.from(mac(secret, match[1]!))
  const given = Buffer.from(match[2]!)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  return match[1]!
}
