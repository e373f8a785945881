/**
 * The signing page is rendered once for everyone and kept in the read cache; what each visitor
 * must have of their own (the form's stamp and its proof-of-work challenge) is rendered as these
 * placeholders and filled in for each answer by the edge (src/edge/formFill.ts). The placeholders
 * have the length of what replaces them and only characters that need no escaping in HTML,
 * in JSON or in the JavaScript strings of Next's inline RSC payload, so the same bytes stand in
 * every place a value appears and a replacement cannot shift or break anything around it.
 *
 * No Node imports: the page's client component decodes the challenge with it too.
 */

/** `<issued ms>.<nonce>.<signature>` is always 13 + 1 + 22 + 1 + 43 characters (formToken.ts). */
export const FORM_TOKEN_LENGTH = 80

/** The challenge as base64url, padded with dots: room for the base work's challenge (about 580). */
export const CHALLENGE_TEXT_LENGTH = 900

/** What every placeholder begins with: found in a filled answer, the fill missed one. */
export const PLACEHOLDER_MARK = '__portal-signing-'

const placeholder = (name: string, length: number) =>
  `${PLACEHOLDER_MARK}${name}__`.padEnd(length, 'x').slice(0, length)

export const FORM_TOKEN_PLACEHOLDER = placeholder('form-token', FORM_TOKEN_LENGTH)
export const CHALLENGE_PLACEHOLDER = placeholder('challenge', CHALLENGE_TEXT_LENGTH)

/**
 * The challenge (its JSON) as the page carries it: base64url, then dots up to the fixed length.
 * Throws when it does not fit, which only a change of the challenge's shape can cause.
 */
export function encodeChallenge(json: string): string {
  const base64url = btoa(json).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  if (base64url.length > CHALLENGE_TEXT_LENGTH) {
    throw new Error(`a challenge of ${base64url.length} characters does not fit its placeholder`)
  }
  return base64url.padEnd(CHALLENGE_TEXT_LENGTH, '.')
}

/** The challenge's JSON from what the page carries; null for anything else (a placeholder). */
export function decodeChallenge(text: string): string | null {
  const base64url = text.replace(/\.+$/, '')
  if (!/^[A-Za-z0-9_-]+$/.test(base64url)) return null
  try {
    const json = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'))
    JSON.parse(json)
    return json
  } catch {
    return null
  }
}
