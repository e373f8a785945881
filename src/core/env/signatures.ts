import { nonNegativeInt, positiveInt, type Source } from './parse'

/** The public signature flow (src/cms/signatures/, docs/signatures.md). */
export type SignatureSettings = {
  /** Seconds a form must have been open before it may be sent (a bot's instant submit). */
  minSeconds: number
  /** Minutes a rendered form (its signed timestamp and challenge) stays valid. */
  formMaxAgeMinutes: number
  /** The proof of work: the largest counter a browser may have to try (about half on average). */
  proofOfWorkMaxNumber: number
  /**
   * Per hour; thresholds, not refusals: past them a signature asks for more proof of work (per
   * client address, per e-mail domain), a confirmation waits for moderation. 0 turns one off.
   */
  signingMoreWorkFromPerAddress: number
  signingMoreWorkFromPerDomain: number
  confirmingModerationFromPerAddress: number
  /** Hard ceilings per client address and hour that only protect the process; 0 turns one off. */
  signingCeilingPerHour: number
  confirmingCeilingPerHour: number
  withdrawingPerHour: number
  /** Confirmation mails sent again to one address (a repeated signature while pending). */
  resendingPerAddressPerHour: number
}

const perHour = (source: Source, name: string, fallback: number, problems: string[]): number =>
  nonNegativeInt(source, name, fallback, problems)

export function readSignatureSettings(source: Source, problems: string[]): SignatureSettings {
  return {
    minSeconds: nonNegativeInt(source, 'SIGNATURE_MIN_SECONDS', 3, problems),
    formMaxAgeMinutes: positiveInt(source, 'SIGNATURE_FORM_MAX_AGE_MINUTES', 60, problems),
    proofOfWorkMaxNumber: positiveInt(source, 'SIGNATURE_POW_MAX_NUMBER', 50_000, problems),
    signingMoreWorkFromPerAddress: perHour(
      source,
      'SIGNING_MORE_WORK_FROM_PER_ADDRESS_PER_HOUR',
      10,
      problems,
    ),
    signingMoreWorkFromPerDomain: perHour(
      source,
      'SIGNING_MORE_WORK_FROM_PER_DOMAIN_PER_HOUR',
      100,
      problems,
    ),
    confirmingModerationFromPerAddress: perHour(
      source,
      'CONFIRMING_MODERATION_FROM_PER_ADDRESS_PER_HOUR',
      30,
      problems,
    ),
    signingCeilingPerHour: perHour(source, 'RATE_LIMIT_SIGNING_CEILING_PER_HOUR', 1000, problems),
    confirmingCeilingPerHour: perHour(
      source,
      'RATE_LIMIT_CONFIRMING_CEILING_PER_HOUR',
      1000,
      problems,
    ),
    withdrawingPerHour: perHour(source, 'RATE_LIMIT_WITHDRAWING_PER_HOUR', 10, problems),
    resendingPerAddressPerHour: perHour(
      source,
      'RATE_LIMIT_RESENDING_PER_ADDRESS_PER_HOUR',
      3,
      problems,
    ),
  }
}
