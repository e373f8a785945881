import {
  APIError,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
} from 'payload'

import { normaliseAddress, queueMailToUser } from '@/operations/mail/queue'
import { passwordResetMail } from '@/operations/mail/texts/passwordReset'

/** Payload's default lifetime of a reset token, unless `auth.forgotPassword.expiration` says. */
const DEFAULT_RESET_TOKEN_MS = 60 * 60 * 1000

const QUEUE_RESET_MAIL = 'queueResetMail'

/**
 * Payload sends its reset mail itself, over `sendEmail` inside the operation's transaction and
 * in the requester's language. We turn that off and queue our own (below); a caller that asked
 * for no mail (`disableEmail`) still gets none. Without any mail server in production, a reset
 * cannot reach anyone: the request is refused with a message that says so (the same for every
 * address, so it reveals nothing).
 */
export const takeOverResetMail: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'forgotPassword') return args
  if (req.payload.email.name === 'none') {
    throw new APIError(
      'Password reset by e-mail is not available: this portal has no mail server. Please ask ' +
        'an administrator to set a new password for you.',
      503,
    )
  }
  if (!(args as { disableEmail?: boolean }).disableEmail) req.context[QUEUE_RESET_MAIL] = true
  return { ...args, disableEmail: true }
}

/**
 * Queues the reset mail in the operation's transaction, after Payload stored the token (the
 * operation's result). Payload runs this only when the address belongs to a user. The link is
 * built from SERVER_URL, never from the request's Host header, which a client chooses.
 */
export const queueResetMail: CollectionAfterOperationHook = async ({
  args,
  operation,
  req,
  result,
}) => {
  if (operation !== 'forgotPassword' || !req.context[QUEUE_RESET_MAIL]) return result
  delete req.context[QUEUE_RESET_MAIL]
  const token = typeof result === 'string' ? result : null
  const email = (args.data as { email?: unknown } | undefined)?.email
  if (!token || typeof email !== 'string') return result
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { email: { equals: normaliseAddress(email) } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const user = docs[0]
  if (!user) return result
  const { config } = req.payload
  const expiration = args.collection.config.auth.forgotPassword?.expiration
  await queueMailToUser(req, user, 'password-reset', (language) =>
    passwordResetMail(language, {
      name: user.name,
      link: `${config.serverURL}${config.routes.admin}${config.admin.routes.reset}/${token}`,
      validForMinutes: Math.round((expiration ?? DEFAULT_RESET_TOKEN_MS) / 60_000),
    }),
  )
  return result
}
