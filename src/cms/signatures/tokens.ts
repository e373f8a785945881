import crypto from 'node:crypto'

/** A new secret for a link: 32 random bytes, URL-safe. Only its hash is ever stored. */
export const newToken = (): string => crypto.randomBytes(32).toString('base64url')

/**
 * The stored form of a link's token. SHA-256 without salt is enough for 256 random bits (nobody
 * guesses the preimage), and it keeps the lookup an indexed equality.
 */
export const hashToken = (token: string): string =>
  crypto.createHash('sha256').update(token, 'utf8').digest('hex')

/** A token as it may arrive from a link or a form: base64url, of the length `newToken` makes. */
export const isWellFormedToken = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value)

/** How long a confirmation link works. */
export const CONFIRMATION_VALID_DAYS = 7
