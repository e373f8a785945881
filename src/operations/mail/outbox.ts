/** A message the log transport "sent": kept in memory so tests and developers can read it. */
import { processSingleton } from '@/core/processSingleton'
export type LoggedEmail = {
  from?: { address: string; name?: string }
  to?: { address: string; name?: string }[]
  subject?: string
  text?: string
  html?: string
}

/**
 * How many messages the outbox keeps, the oldest dropped first. It exists only outside
 * production without SMTP (development and the integration tests): production has no outbox at
 * all, so nothing a client triggers accumulates in memory there.
 */
export const OUTBOX_LIMIT = 200

/** Shared through globalThis: Next's compiled modules and src/process/server.ts are separate instances. */
export function outbox(): LoggedEmail[] {
  return processSingleton<LoggedEmail[]>('email-outbox', () => [])
}

export function keepInOutbox(email: LoggedEmail): void {
  const kept = outbox()
  kept.push(email)
  if (kept.length > OUTBOX_LIMIT) kept.splice(0, kept.length - OUTBOX_LIMIT)
}
