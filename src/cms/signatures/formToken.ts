import crypto from 'node:crypto'

/**
 * The signed timestamp each render of the signing form carries: when it was issued and a random
 * nonce, signed with a key derived from Payload's secret. The nonce ties the form to its proof
 * of work and makes the form usable once (src/cms/signatures/challenges.ts).
 */
export type FormStamp = { issuedAt: number; nonce: string }

const keyOf = (secret: string) =>
  crypto.createHmac('sha256', secret).update('initiative-portal/signature-form/v1').digest()

const mac = (secret: string, body: string) =>
  crypto.createHmac('sha256', keyOf(secret)).update(body).digest('base64url')

/** A new stamp as the form's hidden field carries it: `<issued ms>.<nonce>.<signature>`. */
export function issueFormToken(secret: string, now = Date.now()): { token: string } & FormStamp {
  const nonce = crypto.randomBytes(16).toString('base64url')
  const body = `${now}.${nonce}`
  return { token: `${body}.${mac(secret, body)}`, issuedAt: now, nonce }
}

/** The stamp a form carried, or null when it is malformed or not ours. */
export function readFormToken(secret: string, token: unknown): FormStamp | null {
  if (typeof token !== 'string' || token.length > 200) return null
  const match = /^(\d{13})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match) return null
  const [, issued, nonce, signature] = match
  const expected = Buffer.from(mac(secret, `${issued}.${nonce}`))
  const given = Buffer.from(signature!)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null
  return { issuedAt: Number(issued), nonce: nonce! }
}
