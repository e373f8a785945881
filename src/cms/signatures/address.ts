import { domainToASCII } from 'node:url'

/** The longest address SMTP carries (RFC 5321: 64 for the local part, 254 in all). */
const MAX_ADDRESS = 254
const MAX_LOCAL = 64

/**
 * The local part as plain SMTP carries it (no SMTPUTF8 assumed): the characters RFC 5322 allows
 * unquoted, no leading, trailing or doubled dot. Quoted local parts are refused.
 */
const LOCAL_PART = /^(?!\.)(?!.*\.\.)[a-z0-9!#$%&'*+/=?^_`{|}~.-]+(?<!\.)$/

/**
 * An e-mail address in the one form signatures are compared in: trimmed, Unicode NFC,
 * lower-cased, the domain IDNA-encoded (`müller.de` → `xn--mller-kva.de`). Dots and plus tags
 * are kept: whether `a.b+x@` reaches `ab@` is the mail provider's rule, not ours. Null when the
 * text is no address (no single `@`, an empty part, spaces, a domain IDNA refuses, too long).
 */
export function normaliseSignerAddress(raw: string): string | null {
  const text = raw.trim().normalize('NFC').toLowerCase()
  if (text.length === 0 || text.length > MAX_ADDRESS * 2) return null
  const at = text.lastIndexOf('@')
  if (at <= 0 || at === text.length - 1) return null
  const local = text.slice(0, at)
  const domain = domainToASCII(text.slice(at + 1))
  if (!domain || !domain.includes('.') || domain.startsWith('.') || domain.endsWith('.')) {
    return null
  }
  if (local.length > MAX_LOCAL || !LOCAL_PART.test(local)) return null
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) || /(^|\.)-|-(\.|$)/.test(domain)) return null
  const address = `${local}@${domain}`
  return address.length <= MAX_ADDRESS ? address : null
}

/** The domain of a normalised address (for the per-domain rate limit). */
export const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1)
