import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { translate } from '@/i18n/translate'

/** One reset mail per address per interval, whatever the address (known or not). */
export const RESET_INTERVAL_MS = 15_000

const KEY = Symbol.for('initiative-portal.password-reset-requests')
type Holder = { [KEY]?: Map<string, number> }

function recentRequests(): Map<string, number> {
  const holder = globalThis as Holder
  holder[KEY] ??= new Map()
  return holder[KEY]
}

/**
 * Payload's own per-address interval for password resets reserves the address outside the
 * operation's transaction, which deadlocks on SQLite (the transaction holds the write lock), so
 * `auth.forgotPassword.minRequestInterval` is 0 and this hook limits instead. It answers 429 for
 * any address asked for twice within the interval, so it reveals nothing about which exist.
 */
export const limitPasswordResets: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'forgotPassword') return args
  const email = String((args.data as { email?: unknown })?.email ?? '')
    .trim()
    .toLowerCase()
  if (!email) return args
  const now = Date.now()
  const requests = recentRequests()
  for (const [address, at] of requests) if (now - at >= RESET_INTERVAL_MS) requests.delete(address)
  if (requests.has(email)) {
    throw new APIError(translate(req, 'portal:resetTooSoon'), 429)
  }
  requests.set(email, now)
  return args
}
