import { readEnvironment } from '@/core/env'
import { sharedLimit, type Limit } from '@/operations/rateLimiterStore'

const HOUR = 3600
const DAY = 24 * HOUR

type SubscriptionLimits = {
  /** Subscriptions per client address and hour, with the form's proof of work. */
  withProof: Limit
  /** The same without it: a browser without JavaScript, a script. */
  withoutProof: Limit
  /** Confirmation mails per recipient and day: nobody's mailbox is flooded through the form. */
  confirmationsPerRecipient: Limit
}

let limits: SubscriptionLimits | undefined

/** The subscription flow's own limits (docs/updates.md), on the portal's shared store. */
export function subscriptionLimits(): SubscriptionLimits {
  if (!limits) {
    const settings = readEnvironment().updates
    limits = {
      withProof: sharedLimit('subscribe-with-proof', {
        points: settings.subscribingPerAddressPerHour,
        seconds: HOUR,
      }),
      withoutProof: sharedLimit('subscribe-without-proof', {
        points: settings.subscribingWithoutProofPerAddressPerHour,
        seconds: HOUR,
      }),
      confirmationsPerRecipient: sharedLimit('subscribe-confirmations', {
        points: settings.confirmationsPerRecipientPerDay,
        seconds: DAY,
      }),
    }
  }
  return limits
}
