/**
 * What a signer may write in names and free-text fields: real names of people and
 * organizations ("Web.de", "AT&T", "O'Brien", "Jörg Bienert"), never a link or markup. The
 * refused shapes are the ones spam and injection need: a scheme (`scheme://`), a bare `www.`
 * address, angle brackets, and control characters (a CR or tab would also start a formula in a
 * spreadsheet).
 */
const REFUSED: { pattern: RegExp; reason: PlainTextProblem }[] = [
  { pattern: /[a-z][a-z0-9+.-]*:\/\//i, reason: 'link' },
  { pattern: /(^|[^a-z0-9])www\./i, reason: 'link' },
  { pattern: /[<>]/, reason: 'markup' },
  // C0 and C1 controls, and the Unicode line and paragraph separators.
  { pattern: /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/, reason: 'control' },
]

export type PlainTextProblem = 'link' | 'markup' | 'control' | 'too long'

/** Text as it is stored: Unicode NFC, single spaces, trimmed. */
export const normaliseText = (value: string): string =>
  value
    .normalize('NFC')
    .replace(/[ \u00a0]+/g, ' ')
    .trim()

/** The first reason `value` may not be stored, or null when it is plain text of a fitting length. */
export function plainTextProblem(value: string, maxLength: number): PlainTextProblem | null {
  if (value.length > maxLength) return 'too long'
  for (const { pattern, reason } of REFUSED) if (pattern.test(value)) return reason
  return null
}

/** Longest accepted lengths, in characters. */
export const textLimits = { name: 120, organization: 160, roleTitle: 120 } as const
