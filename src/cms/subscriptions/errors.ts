import { APIError } from 'payload'

export type SubscriptionProblem = 'email' | 'form-invalid' | 'form-expired' | 'proof-invalid'

const messages: Record<SubscriptionProblem, string> = {
  email: 'Please enter a valid e-mail address.',
  'form-invalid': 'The form could not be read. Please load the page again.',
  'form-expired': 'The form has expired. Please load the page again.',
  'proof-invalid': 'The check in your browser did not succeed. Please load the page again.',
}

/** A subscription refused for something the person can fix: a 400 with its code. */
export class SubscriptionRefused extends APIError<{ code: SubscriptionProblem }> {
  constructor(code: SubscriptionProblem) {
    super(messages[code], 400, { code }, true)
  }
}
