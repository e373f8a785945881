import { nonNegativeInt, positiveInt, type Source } from './parse'

/** The public signature flow (src/cms/signatures/, docs/signatures.md). */
export type SignatureSettings = {
  /** Seconds a form must have been open before it may be sent (a bot's instant submit). */
  minSeconds: number
  /** Minutes a rendered form (its signed timestamp and challenge) stays valid. */
  formMaxAgeMinutes: number
  /** The proof of work: the largest counter a browser may have to try (about half on average). */
  proofOfWorkMaxNumber: number
  /** Per hour; 0 turns a limit off. Per client address unless named otherwise. */
  signingPerHour: number
  signingPerDomainPerHour: number
  confirmingPerHour: number
  withdrawingPerHour: number
  /** Confirmation mails sent again to one address (a repeated signature while pending). */
  resendingPerAddressPerHour: number
}

export function readSignatureSettings(source: Source, problems: string[]): SignatureSettings {
  return {
    minSeconds: nonNegativeInt(source, 'SIGNATURE_MIN_SECONDS', 3, problems),
    formMaxAgeMinutes: positiveInt(source, 'SIGNATURE_FORM_MAX_AGE_MINUTES', 60, problems),
    proofOfWorkMaxNumber: positiveInt(source, 'SIGNATURE_POW_MAX_NUMBER', 50_000, problems),
    signingPerHour: nonNegativeInt(source, 'RATE_LIMIT_SIGNING_PER_HOUR', 10, problems),
    signingPerDomainPerHour: nonNegativeInt(
      source,
      'RATE_LIMIT_SIGNING_PER_DOMAIN_PER_HOUR',
      100,
      problems,
    ),
    confirmingPerHour: nonNegativeInt(source, 'RATE_LIMIT_CONFIRMING_PER_HOUR', 30, problems),
    withdrawingPerHour: nonNegativeInt(source, 'RATE_LIMIT_WITHDRAWING_PER_HOUR', 10, problems),
    resendingPerAddressPerHour: nonNegativeInt(
      source,
      'RATE_LIMIT_RESENDING_PER_ADDRESS_PER_HOUR',
      3,
      problems,
    ),
  }
}
