import type { SignatureSettings } from '@/core/env'
import { sharedLimit, type Limit } from '@/operations/rateLimiterStore'

/**
 * The hard limits of the signature flow, on the portal's shared store (src/operations/rateLimiterStore.ts),
 * per hour. They are taken where the flow runs, for the GraphQL mutations and the form
 * endpoints alike, keyed by the client address express passed along (src/edge/
 * clientAddress.ts) or by the signer's address. 0 turns one off. Signing and confirming have
 * only a high ceiling that protects the process; below it, volume costs more work or
 * moderation instead (src/cms/signatures/volume.ts).
 */
export type SignatureLimits = {
  signing: Limit | null
  confirming: Limit | null
  withdrawing: Limit | null
  resending: Limit | null
}

const HOUR = 3600

export function signatureLimits(settings: SignatureSettings): SignatureLimits {
  const limit = (name: string, points: number) =>
    points > 0 ? sharedLimit(`signature-${name}`, { points, seconds: HOUR }) : null
  return {
    signing: limit('signing-ceiling', settings.signingCeilingPerHour),
    confirming: limit('confirming-ceiling', settings.confirmingCeilingPerHour),
    withdrawing: limit('withdrawing', settings.withdrawingPerHour),
    resending: limit('resending', settings.resendingPerAddressPerHour),
  }
}

/** Takes a point, or throws `RateLimitedError` with the wait. */
export async function take(limit: Limit | null, key: string): Promise<void> {
  if (limit) await limit.take(key)
}

/** Takes a point and says whether it was granted (for limits whose refusal must not show). */
export async function granted(limit: Limit | null, key: string): Promise<boolean> {
  try {
    await take(limit, key)
    return true
  } catch {
    return false
  }
}
