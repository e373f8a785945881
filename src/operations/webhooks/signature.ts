import { createHmac, randomBytes } from 'node:crypto'

/**
 * Signing as the Standard Webhooks specification says (https://www.standardwebhooks.com), so a
 * receiver can verify with any of its libraries: the secret is `whsec_` and 32 random bytes in
 * base64; the signature is `v1,` and the base64 HMAC-SHA256, keyed with those bytes, of
 * `<webhook-id>.<webhook-timestamp>.<body>`.
 */
const PREFIX = 'whsec_'

export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`
}

/** The key bytes of a secret (a secret without the prefix is taken as base64 all the same). */
const keyOf = (secret: string): Buffer =>
  Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64')

/** The three headers of one attempt: its id, when it was sent (Unix seconds), its signature. */
export function signedHeaders(
  secret: string,
  messageId: string,
  body: string,
  sentAt: Date,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  const timestamp = String(Math.floor(sentAt.getTime() / 1000))
  const digest = createHmac('sha256', keyOf(secret))
    .update(`${messageId}.${timestamp}.${body}`)
    .digest('base64')
  return {
    'webhook-id': messageId,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${digest}`,
  }
}
