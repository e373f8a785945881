import ipaddr from 'ipaddr.js'

import { positiveInt, type Source } from './parse'

/** Outgoing webhooks (src/operations/webhooks/, docs/webhooks.md). */
export type WebhookSettings = {
  /** How long one delivery may take, connection and answer together, in milliseconds. */
  timeoutMs: number
  /**
   * Networks (CIDR) a receiver may be in although they are private, loopback or link-local: a
   * frontend on the same host or in the same cluster. Empty: only public addresses.
   */
  allowedNetworks: string[]
  /** At most one delivery of a signature-count change per endpoint in this many seconds. */
  countIntervalSeconds: number
  /** An endpoint is paused after this many deliveries in a row failed after all their retries. */
  pauseAfterFailures: number
}

/** A comma-separated list of networks in CIDR notation (`10.0.0.0/8`, `::1/128`). */
function networks(raw: string | undefined, problems: string[]): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const entry of entries) {
    if (!ipaddr.isValidCIDR(entry)) {
      problems.push(`WEBHOOK_ALLOWED_NETWORKS: "${entry}" is not a network such as 10.0.0.0/8`)
    }
  }
  return entries
}

export function readWebhookSettings(source: Source, problems: string[]): WebhookSettings {
  return {
    timeoutMs: positiveInt(source, 'WEBHOOK_TIMEOUT_MS', 10_000, problems),
    allowedNetworks: networks(source.WEBHOOK_ALLOWED_NETWORKS, problems),
    countIntervalSeconds: positiveInt(source, 'WEBHOOK_COUNT_INTERVAL_SECONDS', 60, problems),
    pauseAfterFailures: positiveInt(source, 'WEBHOOK_PAUSE_AFTER_FAILURES', 3, problems),
  }
}
