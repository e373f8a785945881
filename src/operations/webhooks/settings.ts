import { readEnvironment, type WebhookSettings } from '@/core/env'

let cached: (WebhookSettings & { serverUrl: string }) | undefined

/** The webhook settings and the portal's public URL, read once per process. */
export function webhookSettings(): WebhookSettings & { serverUrl: string } {
  if (!cached) {
    const env = readEnvironment()
    cached = { ...env.webhooks, serverUrl: env.serverUrl }
  }
  return cached
}
