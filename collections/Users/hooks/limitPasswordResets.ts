import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { readEnvironment } from '@/core/env'
import { translate } from '@/cms/i18n/translate'
import { countRefusal } from '@/observability/metrics/count'
import { RateLimitedError, sharedLimit } from '@/operations/rateLimiterStore'

/**
 * Payload's own per-address interval for password resets reserves the address outside the
 * operation's transaction, which deadlocks on SQLite (the transaction holds the write lock), so
 * `auth.forgotPassword.minRequestInterval` is 0 and this hook limits instead, on the portal's
 * rate-limit store: one reset per e-mail address per PASSWORD_RESET_INTERVAL_SECONDS (15 s),
 * answered with the same 429 for any address asked for twice, so it reveals nothing about which
 * exist. (How often one client may ask at all is the edge's public-write limit.)
 */
let intervalSeconds: number | undefined

export const limitPasswordResets: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'forgotPassword') return args
  const email = String((args.data as { email?: unknown })?.email ?? '')
    .trim()
    .toLowerCase()
  if (!email) return args
  const limit = sharedLimit('password-resets', {
    points: 1,
    seconds: (intervalSeconds ??= readEnvironment().rateLimits.passwordResetSeconds),
  })
  try {
    await limit.take(email)
  } catch (error) {
    if (!(error instanceof RateLimitedError)) throw error
    countRefusal('rate', 'password_reset')
    // Payload sends the headers a request collected with its error answer.
    req.responseHeaders = new Headers({ 'Retry-After': String(error.retryAfterSeconds) })
    throw new APIError(translate(req, 'portal:resetTooSoon'), 429)
  }
  return args
}
