import { APIError } from 'payload'

import type { Challenge } from 'altcha-lib'

import type { FieldError } from './input'

/**
 * Why a signing form was refused, as a code the pages translate and other frontends can act on.
 * `form-*` problems need a fresh form (reload the page or ask for a new `signatureForm`).
 */
export type FormProblem =
  'form-invalid' | 'form-expired' | 'form-used' | 'too-fast' | 'proof-invalid'

/** A 400 that names what was wrong: the fields, or the form itself. */
export class SignatureRefused extends APIError<{ code: string; fields?: FieldError[] }> {
  constructor(code: FormProblem | 'fields', fields?: FieldError[]) {
    const message =
      code === 'fields'
        ? `Some fields need another look: ${fields?.map((f) => `${f.field} (${f.problem})`).join(', ')}.`
        : {
            'form-invalid':
              'This form is not one the portal issued. Reload the page and try again.',
            'form-expired': 'This form has expired. Reload the page and try again.',
            'form-used': 'This form was sent already. Reload the page to sign.',
            'too-fast':
              'That was quicker than a person fills in the form. Wait a moment and send again.',
            'proof-invalid':
              'The browser’s check (proof of work) did not hold. Reload the page and try again.',
          }[code]
    super(message, 400, { code, ...(fields ? { fields } : {}) }, true)
    this.name = 'SignatureRefused'
  }
}

/**
 * Not a refusal: this address or e-mail domain signed a lot in the last hour, so the signature
 * needs the work of `challenge` (made for the same form). Solve it and send the form again;
 * nothing was stored. Only a client that sent a proof hears this; one without JavaScript goes
 * to moderation instead.
 */
export class MoreWorkNeeded extends APIError<{ code: 'more-work'; challenge: Challenge }> {
  constructor(challenge: Challenge) {
    super(
      'Many signatures came from this address or domain in the last hour: solve this harder challenge and send the form again.',
      400,
      { code: 'more-work', challenge },
      true,
    )
    this.name = 'MoreWorkNeeded'
  }
}
